package uk.safeguarding.workflow.victimcase;

/** Whether the case is still worked on (stored by name in {@code victim_case.status}). */
public enum CaseStatus {

	OPEN, CLOSED

}
