package uk.safeguarding.workflow.safeguarding;

/**
 * Published, in the step's transaction, when a child's referral to the Independent Child
 * Trafficking Guardian service is stored in the outbox: the dashboard's count of the
 * period's referrals forgets what it kept once that transaction ends.
 *
 * @param caseReference the child's case
 */
public record IctgReferralQueued(String caseReference) {
}
