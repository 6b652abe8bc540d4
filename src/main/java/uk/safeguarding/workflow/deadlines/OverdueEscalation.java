package uk.safeguarding.workflow.deadlines;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;

/**
 * Overdue steps (spec section 4): an overdue step escalates to the case's supervisor;
 * still overdue one working day later, to {@code managers}. Home Office decisions are
 * chased with their owner only, every chase interval. Each escalation happens once per
 * task and level; the level is kept on the task ({@code escalationLevel}) and every
 * notice is on the case.
 */
@Component
public class OverdueEscalation {

	private static final Logger log = LoggerFactory.getLogger(OverdueEscalation.class);

	/** Task-local: 0 none, 1 supervisor told, 2 managers told. */
	public static final String ESCALATION_LEVEL = "escalationLevel";

	/** Task-local: how many decision chases were sent. */
	public static final String CHASES = "chasesSent";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final SafeguardingNotifier notifier;

	private final WorkingDayCalendar calendar;

	private final TransactionTemplate transaction;

	public OverdueEscalation(TaskService tasks, RuntimeService runtime, IdentityService identity,
			SafeguardingNotifier notifier, WorkingDayCalendar calendar, TransactionTemplate transaction) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.notifier = notifier;
		this.calendar = calendar;
		this.transaction = transaction;
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
		Date now = ClockUtil.getCurrentTime();
		var query = this.tasks.createTaskQuery().processDefinitionKey(VictimSafeguardingProcess.KEY).dueBefore(now);
		if (processInstanceId != null) {
			query.processInstanceId(processInstanceId);
		}
		List<Task> overdue = query.list();
		int stored = 0;
		for (Task task : overdue) {
			try {
				Integer sent = this.transaction.execute((status) -> escalate(task, now.toInstant()));
				stored += (sent != null) ? sent : 0;
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

	private int escalate(Task task, Instant now) {
		String reference = (String) this.runtime.getVariable(task.getProcessInstanceId(), Variables.CASE_REFERENCE);
		if (isDecision(task.getTaskDefinitionKey())) {
			return chase(task, reference, now);
		}
		Object current = this.tasks.getVariableLocal(task.getId(), ESCALATION_LEVEL);
		int level = (current instanceof Number number) ? number.intValue() : 0;
		ZonedDateTime due = task.getDueDate().toInstant().atZone(WorkingDayCalendar.ZONE);
		int stored = 0;
		if (level < 1) {
			stored += this.notifier.notifyOverdue(reference, supervisors(task), task.getName(),
					"Case supervisor: the step is overdue", "overdue-" + task.getId() + "-level-1",
					task.getProcessInstanceId());
			level = 1;
		}
		if (level < 2 && !now.isBefore(this.calendar.addWorkingDays(due, 1).toInstant())) {
			stored += this.notifier.notifyOverdue(reference, members(Groups.MANAGERS), task.getName(),
					"Managers: the step is still overdue one working day after its due date",
					"overdue-" + task.getId() + "-level-2", task.getProcessInstanceId());
			level = 2;
		}
		this.tasks.setVariableLocal(task.getId(), ESCALATION_LEVEL, level);
		return stored;
	}

	/**
	 * Home Office decisions take weeks: chase the task's owner only, once per chase
	 * interval.
	 */
	private int chase(Task task, String reference, Instant now) {
		// the first chase when the decision is overdue, then one every chase interval
		Object sent = this.tasks.getVariableLocal(task.getId(), CHASES);
		int chases = ((sent instanceof Number number) ? number.intValue() : 0) + 1;
		Object next = this.tasks.getVariableLocal(task.getId(), "nextChaseAt");
		if (chases > 1 && next instanceof Date date && now.isBefore(date.toInstant())) {
			return 0;
		}
		String owner = (task.getAssignee() != null) ? task.getAssignee()
				: (String) this.runtime.getVariable(task.getProcessInstanceId(), Variables.REPORTING_OFFICER);
		int stored = this.notifier.notifyOverdue(reference, (owner != null) ? List.of(owner) : List.of(),
				task.getName(), "Owner: chase the Home Office for the decision", "chase-" + task.getId() + "-" + chases,
				task.getProcessInstanceId());
		boolean reasonable = UserTasks.RECORD_REASONABLE_GROUNDS_DECISION.equals(task.getTaskDefinitionKey());
		ZonedDateTime from = now.atZone(WorkingDayCalendar.ZONE);
		Instant following = reasonable ? this.calendar.addWorkingDays(from, 20).toInstant()
				: from.plusDays(90).toInstant();
		this.tasks.setVariableLocal(task.getId(), CHASES, chases);
		this.tasks.setVariableLocal(task.getId(), "nextChaseAt", Date.from(following));
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

	static boolean isDecision(String step) {
		return UserTasks.RECORD_REASONABLE_GROUNDS_DECISION.equals(step)
				|| UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION.equals(step);
	}

}
