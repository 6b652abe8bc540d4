package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.safeguarding.DeliveryScheduler;

/**
 * Creates the engine job that delivers one stored notification, in the current engine
 * transaction (or a new one joined to the current Spring transaction). The job belongs to
 * the case's process instance, so a failed delivery is an incident on the case in
 * Cockpit.
 */
@Component
public class NotificationJobs implements DeliveryScheduler {

	private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

	private final RetrySchedule retrySchedule;

	NotificationJobs(ObjectProvider<ProcessEngineConfigurationImpl> engine, JourneyPolicy policy) {
		this.engine = engine;
		// read once, at start: a cycle that is not valid stops the application here
		this.retrySchedule = RetrySchedule.parse(policy.getNotificationRetryCycle());
	}

	/**
	 * The waits between delivery attempts, from
	 * {@code safeguarding.policy.notification-retry-cycle}.
	 * @return the schedule, read once at start
	 */
	RetrySchedule retrySchedule() {
		return this.retrySchedule;
	}

	/**
	 * Schedules the delivery of a notification.
	 * @param notificationId the stored notification
	 * @param processInstanceId the case's process instance, or {@code null}
	 * @param description what it is, for the logs
	 */
	@Override
	public void schedule(Long notificationId, String processInstanceId, String description) {
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			create(context, notificationId, processInstanceId);
		}
		else {
			this.engine.getObject().getCommandExecutorTxRequired().execute((commandContext) -> {
				create(commandContext, notificationId, processInstanceId);
				return null;
			});
		}
	}

	private void create(CommandContext context, Long notificationId, String processInstanceId) {
		MessageEntity job = new MessageEntity();
		job.setJobHandlerType(NotificationJobHandler.TYPE);
		job.setJobHandlerConfigurationRaw(String.valueOf(notificationId));
		job.setRetries(this.retrySchedule.attempts());
		job.setExclusive(false);
		if (processInstanceId != null) {
			ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
			if (instance != null) {
				job.setExecution(instance);
				job.setProcessDefinitionId(instance.getProcessDefinitionId());
				job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
				job.setDeploymentId(instance.getProcessDefinition().getDeploymentId());
				job.setTenantId(instance.getTenantId());
			}
		}
		context.getJobManager().send(job);
	}

}
