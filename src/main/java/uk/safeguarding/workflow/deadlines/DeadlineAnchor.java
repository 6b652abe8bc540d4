package uk.safeguarding.workflow.deadlines;

/**
 * The moment a step deadline counts from, as written in the {@code step-deadlines}
 * decision, and the process variable that holds it. A missing anchor variable falls back
 * to the task's creation time.
 */
public enum DeadlineAnchor {

	/** When the task is created. */
	TASK_CREATED(null),

	/** When the person was identified (start form). */
	IDENTIFIED("identifiedAt"),

	/** When the report was made: the case was opened. */
	REPORTED("caseOpenedAt"),

	/** When the NRM referral was submitted. */
	NRM_SUBMITTED("nrmSubmittedAt"),

	/** The date of the reasonable grounds decision. */
	RG_DECISION("reasonableGroundsDecisionDate"),

	/** The date of the latest negative (RG or CG) decision. */
	DECISION_DATE("latestNegativeDecisionDate"),

	/** When the adult declined consent. */
	CONSENT_DECLINED("consentDeclinedAt"),

	/** When the last supervisory review was completed (or the case opened). */
	LAST_REVIEW("lastReviewAt");

	private final String variableName;

	DeadlineAnchor(String variableName) {
		this.variableName = variableName;
	}

	/**
	 * The process variable holding the anchor time; {@code null} for
	 * {@link #TASK_CREATED}.
	 */
	public String variableName() {
		return this.variableName;
	}

}
