package uk.safeguarding.workflow.safeguarding.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.ServiceTasks;
import uk.safeguarding.workflow.safeguarding.DeliveryScheduler;

/**
 * Schedules a notice's delivery as an instance of the supporting process
 * {@code bpmn/notification-delivery.bpmn}, started through the public
 * {@link RuntimeService} in the transaction that stored the notice (the engine joins the
 * step's command or the Spring transaction), so both commit or neither does. Its
 * {@code asyncBefore} service task is the delivery job: retries, back-off, the incident
 * and Cockpit's retry are the engine's own.
 * <p>
 * The instance is the notice's own, not the case's: a delivery never updates the case's
 * executions, so a person's step on the case is not refused as concurrent while a notice
 * is delivered. Cockpit finds it by the case reference (its business key).
 */
@Component
public class NotificationDeliveryProcess implements DeliveryScheduler {

	/** The supporting process's key. */
	public static final String KEY = VictimSafeguardingProcess.DELIVERY_KEY;

	/** Its start event. */
	public static final String START = "StartEvent_NoticeStored";

	/** Its delivery task: the job that delivers the notice. */
	public static final String DELIVER = ServiceTasks.DELIVER_NOTIFICATION;

	/** Its end event. */
	public static final String DELIVERED = "EndEvent_NoticeDelivered";

	/**
	 * Its only variable: the stored notification's id (no personal data: the outbox holds
	 * the rest).
	 */
	public static final String NOTIFICATION_ID = "notificationId";

	private final RuntimeService runtime;

	NotificationDeliveryProcess(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@Override
	public void schedule(Long notificationId, String caseReference, String description) {
		this.runtime.startProcessInstanceByKey(KEY, caseReference, Map.of(NOTIFICATION_ID, notificationId));
	}

}
