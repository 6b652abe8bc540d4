package uk.safeguarding.workflow.safeguarding;

/**
 * Schedules the delivery of a stored notification in the transaction that stored it, so
 * that both commit or neither does. The engine side ({@code safeguarding.process})
 * implements it; the outbox needs only this, not the engine.
 */
public interface DeliveryScheduler {

	/**
	 * Schedules the delivery of a notification.
	 * @param notificationId the stored notification
	 * @param caseReference the case it is about (the delivery's business key, by which
	 * Cockpit finds it)
	 * @param description what it is, for the logs
	 */
	void schedule(Long notificationId, String caseReference, String description);

}
