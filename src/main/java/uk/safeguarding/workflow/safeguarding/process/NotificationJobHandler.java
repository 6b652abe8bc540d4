package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;

import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

/** The engine job that delivers one stored notification. */
class NotificationJobHandler implements JobHandler<NotificationJobHandler.NotificationId> {

	static final String TYPE = "safeguarding-notification";

	private final ObjectProvider<NotificationOutbox> outbox;

	NotificationJobHandler(ObjectProvider<NotificationOutbox> outbox) {
		this.outbox = outbox;
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(NotificationId configuration, ExecutionEntity execution, CommandContext commandContext,
			String tenantId) {
		this.outbox.getObject().deliver(configuration.id());
	}

	@Override
	public NotificationId newConfiguration(String canonicalString) {
		return new NotificationId(Long.valueOf(canonicalString));
	}

	@Override
	public void onDelete(NotificationId configuration, JobEntity jobEntity) {
	}

	record NotificationId(Long id) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return String.valueOf(this.id);
		}

	}

}
