package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

/**
 * Registers the product's failed-job behaviour with the engine (an immediate incident on
 * a permanent failure; see {@link NotificationRetryCommandFactory}). The delivery job
 * itself is the {@code notification-delivery} model's, not a custom job type.
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<NotificationOutbox> outbox;

	NotificationEnginePlugin(ObjectProvider<NotificationOutbox> outbox) {
		this.outbox = outbox;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(new NotificationRetryCommandFactory(this.outbox));
	}

}
