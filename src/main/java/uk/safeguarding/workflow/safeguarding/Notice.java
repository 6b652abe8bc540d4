package uk.safeguarding.workflow.safeguarding;

/** The kinds of notice the product sends (spec section 6). */
public enum Notice {

	/** To the area's MASH or adult safeguarding when the case opens. */
	CASE_OPENED("Safeguarding referral", "Safeguarding notice"),

	/**
	 * To the MASH (and ICTG for a child with one) when the victim is reported missing.
	 */
	VICTIM_MISSING("Victim reported missing", "Victim reported missing"),

	/**
	 * To the MASH (and ICTG for a child with one) when a missing victim is found: the
	 * missing episode is closed.
	 */
	VICTIM_FOUND("Missing victim found", "Missing victim found"),

	/** To the ICTG service when an age assessment finds the person is a child. */
	AGE_ASSESSED_CHILD("ICTG referral after age assessment", "ICTG referral after age assessment"),

	/** To the supervisors when there is immediate risk. */
	IMMEDIATE_RISK("Immediate risk", "Immediate risk"),

	/**
	 * To a named person when a step is assigned to them: the reference and the step only.
	 */
	TASK_ASSIGNED("Task assigned", "Task assigned"),

	/** To the case's supervisor, then managers, when a step is overdue. */
	ESCALATION("Overdue step", "Overdue step");

	private final String referralTitle;

	private final String noticeTitle;

	Notice(String referralTitle, String noticeTitle) {
		this.referralTitle = referralTitle;
		this.noticeTitle = noticeTitle;
	}

	public String title(boolean identifying) {
		return identifying ? this.referralTitle : this.noticeTitle;
	}

	/**
	 * The template file name of this notice, for example {@code case-opened}.
	 * @return the lower-case, hyphenated name
	 */
	public String templateName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
