package uk.safeguarding.workflow.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A normal stop (SIGTERM, a rolling restart) leaves no job half done and none held: the
 * job executor stops acquiring, the jobs it already runs or has queued finish (for at
 * most {@code safeguarding.node.shutdown-grace}), then any job still locked by this node
 * is unlocked, so the other node runs it at once instead of after the lock expires. All
 * of it happens before Spring closes the engine, the persistence unit and the pool, so no
 * job meets a closed database (issue 12 item 9).
 * <p>
 * When jobs are still running at the end of the grace period, their locks are left to
 * expire: unlocking a job that is still running could let the other node run it a second
 * time.
 * <p>
 * Engine impl: the public API has no "stop the job executor" or "unlock a job"; the job
 * executor and its thread pool are the engine's and the starter's, a job is unlocked
 * through the engine's own entity (with its optimistic locking).
 */
@Component
class NodeShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NodeShutdown.class);

	private final ProcessEngine engine;

	private final ObjectProvider<TaskExecutor> jobThreads;

	private final JdbcTemplate db;

	private final Duration grace;

	private volatile boolean running;

	NodeShutdown(ProcessEngine engine, @Qualifier("camundaTaskExecutor") ObjectProvider<TaskExecutor> jobThreads,
			DataSource dataSource, @Value("${safeguarding.node.shutdown-grace:PT30S}") Duration grace) {
		this.engine = engine;
		this.jobThreads = jobThreads;
		this.db = new JdbcTemplate(dataSource);
		this.grace = grace;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server stops (and long before the engine closes). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void stop() {
		this.running = false;
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		JobExecutor jobExecutor = configuration.getJobExecutor();
		if (jobExecutor == null || !jobExecutor.isActive()) {
			return;
		}
		String owner = jobExecutor.getLockOwner();
		jobExecutor.shutdown();
		if (!(this.jobThreads.getIfAvailable() instanceof ThreadPoolTaskExecutor threads)) {
			return;
		}
		ThreadPoolExecutor pool = threads.getThreadPoolExecutor();
		pool.shutdown();
		boolean finished;
		try {
			finished = pool.awaitTermination(this.grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			finished = false;
		}
		if (!finished) {
			log.warn("Jobs still running {} after the stop began: their locks ({}) expire by themselves", this.grace,
					owner);
			return;
		}
		List<String> held = this.db.queryForList("select ID_ from ACT_RU_JOB where LOCK_OWNER_ = ?", String.class,
				owner);
		for (String id : held) {
			configuration.getCommandExecutorTxRequired().execute((commandContext) -> {
				JobEntity job = commandContext.getJobManager().findJobById(id);
				if (job != null && owner.equals(job.getLockOwner())) {
					job.unlock();
				}
				return null;
			});
		}
		log.info("Job executor stopped: running jobs finished, {} job(s) this node held released", held.size());
	}

}
