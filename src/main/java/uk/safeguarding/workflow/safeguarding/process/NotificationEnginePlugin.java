package uk.safeguarding.workflow.safeguarding.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

/**
 * Registers the notification delivery job and its retry behaviour with the engine.
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<NotificationOutbox> outbox;

	private final ObjectProvider<NotificationJobs> jobs;

	NotificationEnginePlugin(ObjectProvider<NotificationOutbox> outbox, ObjectProvider<NotificationJobs> jobs) {
		this.outbox = outbox;
		this.jobs = jobs;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<JobHandler> handlers = new ArrayList<>();
		if (configuration.getCustomJobHandlers() != null) {
			handlers.addAll(configuration.getCustomJobHandlers());
		}
		handlers.add(new NotificationJobHandler(this.outbox));
		configuration.setCustomJobHandlers(handlers);
		configuration.setFailedJobCommandFactory(new NotificationRetryCommandFactory(this.outbox, this.jobs));
	}

}
