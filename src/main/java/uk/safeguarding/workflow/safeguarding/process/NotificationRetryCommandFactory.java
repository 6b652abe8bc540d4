package uk.safeguarding.workflow.safeguarding.process;

import java.util.Date;

import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.safeguarding.NotificationDeliveryException;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * What happens when a job fails. A notification job waits the next interval of the retry
 * cycle and tries again; when no retries are left, or the failure is permanent (a 4xx
 * from a webhook, a missing directory entry, an outcome a person must confirm), the job's
 * retries go to zero at once and the engine raises the incident, whose message is the
 * failure's. A job of the victim journey's own process that fails permanently (a service
 * task that finds no directory entry) also raises its incident at once. Every other job
 * in the engine (other processes, batches, history cleanup) gets the engine's own
 * behaviour untouched.
 * <p>
 * Engine internals: the engine has no public hook for a failed job, so this is its
 * {@link FailedJobCommandFactory} (see docs/architecture.md).
 */
class NotificationRetryCommandFactory implements FailedJobCommandFactory {

	private final ObjectProvider<NotificationOutbox> outbox;

	private final ObjectProvider<NotificationJobs> jobs;

	NotificationRetryCommandFactory(ObjectProvider<NotificationOutbox> outbox, ObjectProvider<NotificationJobs> jobs) {
		this.outbox = outbox;
		this.jobs = jobs;
	}

	@Override
	public Command<Object> getCommand(String jobId, Throwable exception) {
		return new RetryCmd(jobId, exception);
	}

	private final class RetryCmd extends JobRetryCmd {

		RetryCmd(String jobId, Throwable exception) {
			super(jobId, exception);
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			if (job == null) {
				return null;
			}
			boolean permanent = NotificationDeliveryException.isPermanent(this.exception);
			if (!NotificationJobHandler.TYPE.equals(job.getJobHandlerType())) {
				new DefaultJobRetryCmd(this.jobId, this.exception).execute(commandContext);
				if (permanent && VictimSafeguardingProcess.KEY.equals(job.getProcessDefinitionKey())
						&& job.getRetries() > 0) {
					job.setRetries(0);
				}
				return null;
			}
			job.unlock();
			logException(job);
			if (permanent) {
				job.setRetries(0);
			}
			else {
				decrementRetries(job);
			}
			if (job.getRetries() > 0) {
				RetrySchedule schedule = NotificationRetryCommandFactory.this.jobs.getObject().retrySchedule();
				long wait = schedule.waitBefore(job.getRetries()).toMillis();
				job.setDuedate(new Date(Date.from(JourneyTime.now()).getTime() + wait));
			}
			else {
				NotificationRetryCommandFactory.this.outbox.getObject()
					.retriesExhausted(Long.valueOf(job.getJobHandlerConfigurationRaw()), job.getExceptionMessage());
			}
			notifyAcquisition(commandContext);
			return null;
		}

	}

}
