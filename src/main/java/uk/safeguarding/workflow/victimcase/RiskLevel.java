package uk.safeguarding.workflow.victimcase;

/**
 * The risk level the pathway decision table set (stored by name in
 * {@code victim_case.risk_level}).
 */
public enum RiskLevel {

	URGENT, HIGH, STANDARD

}
