package uk.safeguarding.workflow.victimcase;

/**
 * Why a case closed: the closure form's coded reason (stored by name in
 * {@code victim_case.closure_reason}).
 */
public enum ClosureReason {

	CONCLUSIVE_DECISION, CONSENT_DECLINED, NO_FURTHER_ACTION, OTHER

}
