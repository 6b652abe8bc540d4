package uk.safeguarding.workflow.victimcase;

/**
 * A competent authority's reasonable or conclusive grounds decision (stored by name in
 * {@code victim_case.reasonable_grounds_decision} and
 * {@code conclusive_grounds_decision}).
 */
public enum GroundsDecision {

	POSITIVE, NEGATIVE

}
