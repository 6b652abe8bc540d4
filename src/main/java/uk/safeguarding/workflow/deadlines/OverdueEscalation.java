package uk.safeguarding.workflow.deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.deadlines.process.DueDateTaskListener;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Overdue steps (spec section 4): an overdue step escalates to the case's supervisor;
 * still overdue when its {@code step-deadlines} row says (one working day by default;
 * within hours for steps due within hours), to {@code managers} (those who cover the
 * case's area, {@link EscalationSettings}). Steps whose row has a chase (Home Office
 * decisions) are chased with their owner only, every chase interval of the row. Each
 * escalation happens once per task and level; the level is kept on the task
 * ({@code escalationLevel}) and every notice is on the case.
 */
@Component
@EnableConfigurationProperties(EscalationSettings.class)
public class OverdueEscalation {

	/** Counter of escalation notices stored, tagged by level (1, 2, chase). */
	public static final String ESCALATIONS_METER = "safeguarding.escalations";

	private static final Logger log = LoggerFactory.getLogger(OverdueEscalation.class);

	/** Task-local: 0 none, 1 supervisor told, 2 managers told. */
	public static final String ESCALATION_LEVEL = "escalationLevel";

	/** Task-local: how many decision chases were sent. */
	public static final String CHASES = "chasesSent";

	/** How often one task's escalation is tried when a job of its case ran at once. */
	static final int CONCURRENT_UPDATE_ATTEMPTS = 3;

	/** Steps whose levels one query reads. */
	private static final int BULK = 1000;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final SafeguardingNotifier notifier;

	private final TransactionTemplate transaction;

	private final ProcessEngine engine;

	private final StepDeadlines deadlines;

	private final EscalationSettings settings;

	private final ObjectProvider<MeterRegistry> meters;

	private final SweepLocks locks;

	public OverdueEscalation(ProcessEngine engine, SafeguardingNotifier notifier, StepDeadlines deadlines,
			EscalationSettings settings, TransactionTemplate transaction, ObjectProvider<MeterRegistry> meters,
			SweepLocks locks) {
		this.engine = engine;
		this.tasks = engine.getTaskService();
		this.runtime = engine.getRuntimeService();
		this.identity = engine.getIdentityService();
		this.notifier = notifier;
		this.deadlines = deadlines;
		this.settings = settings;
		this.transaction = transaction;
		this.meters = meters;
		this.locks = locks;
	}

	/** Runs every minute unless {@code safeguarding.escalation.sweep-enabled=false}. */
	@Component
	@ConditionalOnProperty(name = "safeguarding.escalation.sweep-enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final OverdueEscalation escalation;

		Schedule(OverdueEscalation escalation) {
			this.escalation = escalation;
		}

		@Scheduled(fixedDelayString = "${safeguarding.escalation.sweep-interval:PT1M}",
				initialDelayString = "${safeguarding.escalation.sweep-interval:PT1M}")
		void sweep() {
			this.escalation.sweep();
		}

	}

	/**
	 * Escalates every overdue step once per level, and chases overdue decisions.
	 * @return how many escalation notices were stored
	 */
	public int sweep() {
		return sweep(null);
	}

	/**
	 * Escalates the overdue steps of one case (or of every case when
	 * {@code processInstanceId} is null).
	 * @return how many escalation notices were stored
	 */
	public int sweep(String processInstanceId) {
		Date now = Date.from(JourneyTime.now());
		int stored = 0;
		for (Task task : dueForEscalation(processInstanceId, now.toInstant())) {
			try {
				// every node sweeps: a second sweep of the same case (this node's or the
				// other's) waits for the first, then reads the level it set and sends
				// nothing again (the notice's unique idempotency key is the last guard,
				// but its violation rolls the loser back with an error)
				stored += escalateWithRetries(task, now.toInstant());
			}
			catch (RuntimeException ex) {
				// one case's problem never stops the others' escalations; the next sweep
				// tries again
				log.warn("Could not escalate overdue task {} ({}): {}", task.getId(), task.getTaskDefinitionKey(),
						ex.getMessage());
			}
		}
		return stored;
	}

	/**
	 * The overdue steps that have something due now: a level not yet reached, or a chase
	 * whose time has come. Read in bulk (the levels and chases of a thousand steps per
	 * query), so that a sweep over thousands of overdue steps, most of them escalated
	 * long ago, costs a few queries instead of a transaction, a lock and several reads
	 * per step every minute. {@link #escalate} checks each one again under its lock.
	 */
	List<Task> dueForEscalation(String processInstanceId, Instant now) {
		var query = this.tasks.createTaskQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.dueBefore(Date.from(now));
		if (processInstanceId != null) {
			query.processInstanceId(processInstanceId);
		}
		List<Task> overdue = query.list();
		List<Task> due = new ArrayList<>();
		for (int from = 0; from < overdue.size(); from += BULK) {
			List<Task> chunk = overdue.subList(from, Math.min(overdue.size(), from + BULK));
			Map<String, Map<String, Object>> local = new HashMap<>();
			for (VariableInstance variable : this.runtime.createVariableInstanceQuery()
				.taskIdIn(chunk.stream().map(Task::getId).toArray(String[]::new))
				.variableNameIn(ESCALATION_LEVEL, CHASES, DueDateTaskListener.NEXT_CHASE_AT)
				.disableBinaryFetching()
				.disableCustomObjectDeserialization()
				.list()) {
				local.computeIfAbsent(variable.getTaskId(), (id) -> new HashMap<>())
					.put(variable.getName(), variable.getValue());
			}
			Set<String> immediateRisk = new HashSet<>();
			for (VariableInstance variable : this.runtime.createVariableInstanceQuery()
				.processInstanceIdIn(chunk.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
				.variableName(Variables.IMMEDIATE_RISK)
				.disableBinaryFetching()
				.disableCustomObjectDeserialization()
				.list()) {
				if (variable.getTaskId() == null && Boolean.TRUE.equals(variable.getValue())) {
					immediateRisk.add(variable.getProcessInstanceId());
				}
			}
			for (Task task : chunk) {
				StepDeadline row = this.deadlines.forStep(this.engine, task.getTaskDefinitionKey(),
						immediateRisk.contains(task.getProcessInstanceId()));
				if (somethingDue(task, row, local.getOrDefault(task.getId(), Map.of()), now)) {
					due.add(task);
				}
			}
		}
		return due;
	}

	/**
	 * What {@link #escalate} and {@link #chase} would do now, from the step's own values.
	 */
	private boolean somethingDue(Task task, StepDeadline row, Map<String, Object> local, Instant now) {
		if (row.hasChase()) {
			return chaseDue(local.get(CHASES), local.get(DueDateTaskListener.NEXT_CHASE_AT), now);
		}
		int level = number(local.get(ESCALATION_LEVEL));
		return level < 1 || (level < 2 && managersDue(row, task, now));
	}

	/** The first chase when the decision is overdue, then one every chase interval. */
	private static boolean chaseDue(Object chasesSent, Object nextChaseAt, Instant now) {
		return number(chasesSent) == 0 || !(nextChaseAt instanceof Date next && now.isBefore(next.toInstant()));
	}

	/** Whether the step's row sends it on to the managers by now. */
	private boolean managersDue(StepDeadline row, Task task, Instant now) {
		Date managersAt = this.deadlines.managersAt(row, task.getDueDate().toInstant());
		return managersAt != null && !now.isBefore(managersAt.toInstant());
	}

	private static int number(Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

	/**
	 * Escalates one task in its own transaction, under the sweep locks. A job of the same
	 * case that ran at the same moment (a delivery, a timer: on this node or the other)
	 * may have updated the case's execution first; the engine then refuses this
	 * transaction as concurrent and rolls it back whole, so it is simply run again.
	 */
	private int escalateWithRetries(Task task, Instant now) {
		for (int attempt = 1;; attempt++) {
			var local = this.locks.local(task.getProcessInstanceId());
			local.lock();
			try {
				Integer sent = this.transaction.execute((status) -> {
					this.locks.acrossNodes(task.getProcessInstanceId());
					return escalate(task, now);
				});
				return (sent != null) ? sent : 0;
			}
			catch (RuntimeException ex) {
				if (!concurrentUpdate(ex) || attempt >= CONCURRENT_UPDATE_ATTEMPTS) {
					throw ex;
				}
				log.debug("Escalation of task {} met a concurrent update of its case; trying again ({})", task.getId(),
						attempt);
			}
			finally {
				local.unlock();
			}
		}
	}

	private static boolean concurrentUpdate(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return true;
			}
		}
		return false;
	}

	private int escalate(Task task, Instant now) {
		String reference = (String) this.runtime.getVariable(task.getProcessInstanceId(), Variables.CASE_REFERENCE);
		if (this.tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
			// completed while this sweep waited
			return 0;
		}
		StepDeadline row = row(task);
		if (row.hasChase()) {
			return chase(task, row, reference, now);
		}
		int level = number(this.tasks.getVariableLocal(task.getId(), ESCALATION_LEVEL));
		int stored = 0;
		if (level < 1) {
			stored += count("1",
					this.notifier.notifyOverdue(reference, supervisors(task), task.getName(),
							"Case supervisor: the step is overdue", "overdue-" + task.getId() + "-level-1",
							task.getProcessInstanceId()));
			level = 1;
		}
		if (level < 2 && managersDue(row, task, now)) {
			String area = (String) this.runtime.getVariable(task.getProcessInstanceId(), Variables.AREA_CODE);
			stored += count("2",
					this.notifier.notifyOverdue(reference, this.settings.managersFor(members(Groups.MANAGERS), area),
							task.getName(), "Managers: the step is still overdue " + after(row) + " after its due date",
							"overdue-" + task.getId() + "-level-2", task.getProcessInstanceId()));
			level = 2;
		}
		this.tasks.setVariableLocal(task.getId(), ESCALATION_LEVEL, level);
		return stored;
	}

	/**
	 * The task's row of the deployed {@code step-deadlines} table (cached per version).
	 */
	private StepDeadline row(Task task) {
		boolean immediateRisk = Boolean.TRUE
			.equals(this.runtime.getVariable(task.getProcessInstanceId(), Variables.IMMEDIATE_RISK));
		return this.deadlines.forStep(this.engine, task.getTaskDefinitionKey(), immediateRisk);
	}

	private static String after(StepDeadline row) {
		String unit = row.escalateUnit().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return row.escalateAmount() + " " + ((row.escalateAmount() == 1) ? unit.substring(0, unit.length() - 1) : unit);
	}

	private int count(String level, int stored) {
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null && stored > 0) {
			registry.counter(ESCALATIONS_METER, "level", level).increment(stored);
		}
		return stored;
	}

	/**
	 * Home Office decisions take weeks: chase the task's owner only, once per chase
	 * interval of the step's row.
	 */
	private int chase(Task task, StepDeadline row, String reference, Instant now) {
		Object sent = this.tasks.getVariableLocal(task.getId(), CHASES);
		if (!chaseDue(sent, this.tasks.getVariableLocal(task.getId(), DueDateTaskListener.NEXT_CHASE_AT), now)) {
			return 0;
		}
		int chases = number(sent) + 1;
		String owner = (task.getAssignee() != null) ? task.getAssignee()
				: (String) this.runtime.getVariable(task.getProcessInstanceId(), Variables.REPORTING_OFFICER);
		int stored = count("chase",
				this.notifier.notifyOverdue(reference, (owner != null) ? List.of(owner) : List.of(), task.getName(),
						"Owner: chase the Home Office for the decision", "chase-" + task.getId() + "-" + chases,
						task.getProcessInstanceId()));
		this.tasks.setVariableLocal(task.getId(), CHASES, chases);
		this.tasks.setVariableLocal(task.getId(), DueDateTaskListener.NEXT_CHASE_AT,
				this.deadlines.nextChase(row, now));
		return stored;
	}

	private List<String> supervisors(Task task) {
		Object supervisor = this.runtime.getVariable(task.getProcessInstanceId(), Variables.CASE_SUPERVISOR);
		return (supervisor instanceof String id) ? List.of(id) : members(Groups.SUPERVISORS);
	}

	private List<String> members(String group) {
		List<String> ids = new ArrayList<>();
		for (User user : this.identity.createUserQuery().memberOfGroup(group).list()) {
			ids.add(user.getId());
		}
		return ids;
	}

}
