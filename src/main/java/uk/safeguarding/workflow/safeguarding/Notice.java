package uk.safeguarding.workflow.safeguarding;

/** The kinds of notice the product sends (spec section 6). */
public enum Notice {

	/** To the area's MASH or adult safeguarding when the case opens. */
	CASE_OPENED("Safeguarding referral", "Safeguarding notice"),

	/**
	 * To the MASH (and ICTG for a child with one) when the victim is reported missing.
	 */
	VICTIM_MISSING("Victim reported missing", "Victim reported missing"),

	/** To the ICTG service when an age assessment finds the person is a child. */
	AGE_ASSESSED_CHILD("ICTG referral after age assessment", "ICTG referral after age assessment"),

	/** To the supervisors when there is immediate risk. */
	IMMEDIATE_RISK("Immediate risk", "Immediate risk");

	private final String referralTitle;

	private final String noticeTitle;

	Notice(String referralTitle, String noticeTitle) {
		this.referralTitle = referralTitle;
		this.noticeTitle = noticeTitle;
	}

	public String title(boolean identifying) {
		return identifying ? this.referralTitle : this.noticeTitle;
	}

}
