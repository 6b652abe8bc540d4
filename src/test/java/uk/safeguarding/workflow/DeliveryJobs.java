package uk.safeguarding.workflow;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import uk.safeguarding.workflow.safeguarding.process.NotificationDeliveryProcess;

/**
 * The delivery jobs of a case's notices, found as an operator finds them in Cockpit: the
 * {@code notification-delivery} instances whose business key is the case reference, and
 * the one whose {@code notificationId} is the notice's.
 */
public record DeliveryJobs(RuntimeService runtime, ManagementService management) {

	/** The delivery instances of a case, still running. */
	public List<ProcessInstance> instances(String reference) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(NotificationDeliveryProcess.KEY)
			.processInstanceBusinessKey(reference)
			.list();
	}

	/** The delivery jobs of a case's notices not yet delivered. */
	public List<Job> forCase(String reference) {
		Set<String> ids = ids(reference);
		return ids.isEmpty() ? List.of() : this.management.createJobQuery().processInstanceIds(ids).list();
	}

	/**
	 * The delivery jobs of a case that failed (waiting to retry, or with an incident).
	 */
	public List<Job> failed(String reference) {
		Set<String> ids = ids(reference);
		return ids.isEmpty() ? List.of()
				: this.management.createJobQuery().processInstanceIds(ids).withException().list();
	}

	/** How many delivery jobs of a case are due now. */
	public long executable(String reference) {
		Set<String> ids = ids(reference);
		return ids.isEmpty() ? 0 : this.management.createJobQuery().processInstanceIds(ids).executable().count();
	}

	private Set<String> ids(String reference) {
		return instances(reference).stream().map(ProcessInstance::getId).collect(Collectors.toSet());
	}

	/** The delivery instance of one notice. */
	public ProcessInstance instance(Long notificationId) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(NotificationDeliveryProcess.KEY)
			.variableValueEquals(NotificationDeliveryProcess.NOTIFICATION_ID, notificationId)
			.singleResult();
		if (instance == null) {
			throw new AssertionError("no delivery instance running for notification " + notificationId);
		}
		return instance;
	}

	/** The delivery job of one notice. */
	public Job forNotification(Long notificationId) {
		return this.management.createJobQuery().processInstanceId(instance(notificationId).getId()).singleResult();
	}

}
