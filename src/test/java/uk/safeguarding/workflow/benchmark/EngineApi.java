package uk.safeguarding.workflow.benchmark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * Journeys through an engine's Java API in this JVM: as the product's own code and
 * webapps call it (each call authenticated as its person, so the engine's authorization
 * checks run where they are on), or on a bare engine.
 */
public final class EngineApi implements JourneyApi {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final ManagementService management;

	private final IdentityService identity;

	private final boolean runsJobsItself;

	private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

	/**
	 * @param engine the engine
	 * @param runsJobsItself whether this runs the case's due jobs (a bare engine without
	 * job executor) or leaves them to the engine's job executor (the product)
	 */
	public EngineApi(ProcessEngine engine, boolean runsJobsItself) {
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.history = engine.getHistoryService();
		this.management = engine.getManagementService();
		this.identity = engine.getIdentityService();
		this.runsJobsItself = runsJobsItself;
	}

	private <T> T as(String user, Supplier<T> call) {
		List<String> memberships = this.groups.computeIfAbsent(user,
				(id) -> this.identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList());
		this.identity.setAuthentication(user, memberships);
		try {
			return call.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	@Override
	public String start(String user, Map<String, Object> report) {
		return as(user, () -> this.runtime.startProcessInstanceByKey(VictimSafeguardingProcess.KEY, report).getId());
	}

	@Override
	public List<OpenStep> steps(String user, String processInstanceId) {
		return as(user,
				() -> this.tasks.createTaskQuery()
					.processInstanceId(processInstanceId)
					.list()
					.stream()
					.map((task) -> new OpenStep(task.getId(), task.getTaskDefinitionKey()))
					.toList());
	}

	@Override
	public int taskList(String user) {
		return as(user, () -> this.tasks.createTaskQuery().orderByTaskCreateTime().desc().listPage(0, 15).size());
	}

	@Override
	public void complete(String user, String taskId, Map<String, Object> answers) {
		try {
			as(user, () -> {
				this.tasks.complete(taskId, answers);
				return null;
			});
		}
		catch (org.camunda.bpm.engine.OptimisticLockingException ex) {
			throw new Conflict(ex.getMessage());
		}
	}

	@Override
	public boolean fireTimer(String processInstanceId, String activityId) {
		List<Job> timers = this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.list();
		timers.forEach((timer) -> this.management.executeJob(timer.getId()));
		return !timers.isEmpty();
	}

	@Override
	public void runDueJobs(String processInstanceId) {
		if (!this.runsJobsItself) {
			return;
		}
		for (int i = 0; i < 20; i++) {
			List<Job> due = this.management.createJobQuery()
				.processInstanceId(processInstanceId)
				.noRetriesLeft()
				.list();
			if (!due.isEmpty()) {
				throw new AssertionError("job failed: " + due.get(0).getExceptionMessage());
			}
			due = this.management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> this.management.executeJob(job.getId()));
		}
	}

	@Override
	public String endActivity(String processInstanceId) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return (instance == null || instance.getEndTime() == null) ? null : instance.getEndActivityId();
	}

	@Override
	public Set<String> createdSteps(String processInstanceId) {
		return this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map(HistoricTaskInstance::getTaskDefinitionKey)
			.collect(Collectors.toSet());
	}

}
