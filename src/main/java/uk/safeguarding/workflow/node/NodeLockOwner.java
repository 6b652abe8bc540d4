package uk.safeguarding.workflow.node;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names the jobs a node holds after the node: the job executor's lock owner
 * ({@code ACT_RU_JOB.LOCK_OWNER_}) becomes the engine's host name (the {@code hostname}
 * engine property, also in the job log) and a random part, so that Cockpit and an
 * operator see which node holds a job, and a node that stops can release exactly its own
 * ({@link NodeShutdown}). A plugin is the only place the engine lets the job executor be
 * configured (engine impl: there is no public API for it).
 */
@Component
class NodeLockOwner extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(NodeLockOwner.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (jobExecutor == null) {
			return;
		}
		// a restarted node is a new owner: what the old process held is not its to
		// release
		String owner = configuration.getHostname() + "-" + UUID.randomUUID().toString().substring(0, 8);
		jobExecutor.setLockOwner(owner);
		log.info("This node's job executor locks jobs as {}", owner);
	}

}
