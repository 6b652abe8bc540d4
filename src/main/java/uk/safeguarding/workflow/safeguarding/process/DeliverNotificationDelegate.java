package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

/**
 * {@code ServiceTask_DeliverNotification}: delivers the notice whose id the delivery
 * instance carries. A {@code NotificationDeliveryException} fails the job: the engine
 * retries it on the cycle below, or raises the incident.
 */
@Component("deliverNotificationDelegate")
public class DeliverNotificationDelegate implements JavaDelegate {

	private final ObjectProvider<NotificationOutbox> outbox;

	private final String retryCycle;

	DeliverNotificationDelegate(ObjectProvider<NotificationOutbox> outbox, JourneyPolicy policy) {
		this.outbox = outbox;
		// read once, at start: a cycle that is not valid stops the application here
		// rather
		// than at the first failed delivery (the engine reads it only then)
		RetrySchedule.parse(policy.getNotificationRetryCycle());
		// the engine splits a list at its commas and does not trim its parts
		this.retryCycle = policy.getNotificationRetryCycle().replaceAll("\\s", "");
	}

	@Override
	public void execute(DelegateExecution execution) {
		Number id = (Number) execution.getVariable(NotificationDeliveryProcess.NOTIFICATION_ID);
		this.outbox.getObject().deliver(id.longValue());
	}

	/**
	 * The model's {@code camunda:failedJobRetryTimeCycle}:
	 * {@code safeguarding.policy.notification-retry-cycle}, in either of the engine's
	 * forms ({@code PT1M,PT5M,PT15M,PT60M} or {@code R4/PT1M}).
	 * @return the cycle
	 */
	public String getRetryCycle() {
		return this.retryCycle;
	}

}
