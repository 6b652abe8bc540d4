package uk.safeguarding.workflow.safeguarding;

/**
 * A notice to store in the outbox.
 *
 * @param caseReference the case
 * @param notice the notice type
 * @param recipient an email address, or a webhook URL
 * @param channel how it is delivered
 * @param occasion what caused it ({@code case-opened}, {@code missing-episode-2}, a task
 * id and level…): with the case, notice and recipient, its idempotency key
 * @param audience who it is for, in words
 * @param areaCode the directory area that chose the recipient, or {@code null}
 * @param identifying whether the referral summary goes with it (secure recipient only)
 * @param stepName for task notices, the step's name
 * @param processInstanceId the case's process instance that caused it, or {@code null};
 * not where it is delivered: each notice has its own {@code notification-delivery}
 * instance, found by the case reference
 */
public record NoticeRequest(String caseReference, Notice notice, String recipient, Channel channel, String occasion,
		String audience, String areaCode, boolean identifying, String stepName, String processInstanceId) {

}
