package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.safeguarding.NotificationDeliveryException;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

/**
 * What happens when a job fails: first always the engine's own {@link DefaultJobRetryCmd}
 * (the model's {@code failedJobRetryTimeCycle}, its back-off, the incident when retries
 * run out). Then, for the product's two processes only ({@code victim-safeguarding} and
 * {@code notification-delivery}):
 * <ul>
 * <li>a permanent failure (a 4xx from a webhook, a missing directory entry, an outcome a
 * person must confirm) takes the retries to zero at once, so the engine raises the
 * incident, with the failure's message, without wasting the retries;</li>
 * <li>a delivery job left with no retries marks its notice FAILED in the outbox.</li>
 * </ul>
 * Every other job in the engine (other processes, batches, history clean-up) gets the
 * engine's behaviour untouched.
 * <p>
 * Engine internals: the engine has no public hook for a failed job, nor a public way to
 * say "do not retry this one" from a delegate (a {@code BpmnError} is a modelled path,
 * not an incident Cockpit can retry), so this is its {@link FailedJobCommandFactory} (see
 * docs/architecture.md).
 */
class NotificationRetryCommandFactory implements FailedJobCommandFactory {

	private final ObjectProvider<NotificationOutbox> outbox;

	NotificationRetryCommandFactory(ObjectProvider<NotificationOutbox> outbox) {
		this.outbox = outbox;
	}

	@Override
	public Command<Object> getCommand(String jobId, Throwable exception) {
		return (commandContext) -> {
			new DefaultJobRetryCmd(jobId, exception).execute(commandContext);
			JobEntity job = commandContext.getJobManager().findJobById(jobId);
			if (job == null) {
				return null;
			}
			String process = job.getProcessDefinitionKey();
			boolean delivery = NotificationDeliveryProcess.KEY.equals(process);
			if (!delivery && !VictimSafeguardingProcess.KEY.equals(process)) {
				return null;
			}
			if (job.getRetries() > 0 && NotificationDeliveryException.isPermanent(exception)) {
				job.setRetries(0);
			}
			if (delivery && job.getRetries() == 0 && job.getExecution() != null) {
				Object id = job.getExecution().getVariable(NotificationDeliveryProcess.NOTIFICATION_ID);
				if (id instanceof Number number) {
					this.outbox.getObject().retriesExhausted(number.longValue(), job.getExceptionMessage());
				}
			}
			return null;
		};
	}

}
