package uk.safeguarding.workflow.deadlines.process;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.safeguarding.workflow.deadlines.DeadlineAnchor;
import uk.safeguarding.workflow.deadlines.DeadlineUnit;
import uk.safeguarding.workflow.deadlines.StepDeadline;
import uk.safeguarding.workflow.deadlines.StepDeadlines;
import uk.safeguarding.workflow.deadlines.WorkingDayCalendar;

/**
 * Gives every user task its due date from the deployed {@code step-deadlines} decision,
 * on {@code create}.
 * <p>
 * The step is the task definition key; {@code immediateRisk} (default false) is read from
 * the task's variables. The anchor time comes from the variable named by
 * {@link DeadlineAnchor#variableName()} ({@code identifiedAt}, {@code caseOpenedAt},
 * {@code nrmSubmittedAt}, ...; see {@link StepDeadlines#toInstant(Object)} for the
 * accepted types); {@code TASK_CREATED}, or an anchor variable that is missing or
 * unreadable, uses the creation time ({@link ClockUtil#getCurrentTime()}). A step with a
 * chase also gets the task-local variable {@value #NEXT_CHASE_AT}: the due date plus one
 * chase interval (the due date itself is the first point at which the owner is told).
 * <p>
 * The decision is the single source and always overrides a due date set in the model. It
 * is evaluated without authorization checks (also when the engine checks custom code,
 * {@code authorizationEnabledForCustomCode}): it is system work done for whichever user's
 * action created the task, who needs no rights on the decision. When no
 * {@code step-deadlines} decision is deployed, or the deployed table gives no usable row,
 * the task still gets a due date ({@link #FALLBACK}, the table's catch-all) and an error
 * is logged: a broken table must never stop a victim's case.
 * <p>
 * Needs no Spring: {@code new DueDateTaskListener(new WorkingDayCalendar())}.
 */
public class DueDateTaskListener implements TaskListener {

	/** Task-local variable: when the owner is next chased (steps with a chase only). */
	public static final String NEXT_CHASE_AT = "nextChaseAt";

	/** Process variable read as the decision's {@code immediateRisk} input. */
	public static final String IMMEDIATE_RISK = "immediateRisk";

	/** Used only when the decision is not deployed: the table's own catch-all row. */
	public static final StepDeadline FALLBACK = new StepDeadline(5, DeadlineUnit.WORKING_DAYS,
			DeadlineAnchor.TASK_CREATED, null, null, "local default");

	private static final Logger logger = LoggerFactory.getLogger(DueDateTaskListener.class);

	private final StepDeadlines stepDeadlines;

	public DueDateTaskListener(WorkingDayCalendar calendar) {
		this(new StepDeadlines(calendar));
	}

	public DueDateTaskListener(StepDeadlines stepDeadlines) {
		this.stepDeadlines = Objects.requireNonNull(stepDeadlines, "stepDeadlines");
	}

	@Override
	public void notify(DelegateTask task) {
		String step = task.getTaskDefinitionKey();
		boolean immediateRisk = Boolean.TRUE.equals(task.getVariable(IMMEDIATE_RISK));
		Instant createdAt = ClockUtil.getCurrentTime().toInstant();
		StepDeadline deadline = deadlineFor(task, step, immediateRisk);
		Instant anchorTime = anchorTime(task, step, deadline.anchor()).orElse(createdAt);
		Date due = this.stepDeadlines.dueDate(deadline, anchorTime);
		task.setDueDate(due);
		if (deadline.hasChase()) {
			task.setVariableLocal(NEXT_CHASE_AT, this.stepDeadlines.nextChase(deadline, due.toInstant()));
		}
	}

	private StepDeadline deadlineFor(DelegateTask task, String step, boolean immediateRisk) {
		DecisionService decisions = task.getProcessEngineServices().getDecisionService();
		try {
			CommandContext commandContext = Context.getCommandContext();
			if (commandContext == null) {
				return this.stepDeadlines.forStep(decisions, step, immediateRisk);
			}
			return commandContext
				.runWithoutAuthorization(() -> this.stepDeadlines.forStep(decisions, step, immediateRisk));
		}
		catch (NotFoundException ex) {
			logger.error("No '{}' decision is deployed: task '{}' gets the fallback deadline {}",
					StepDeadlines.DECISION_KEY, step, FALLBACK, ex);
			return FALLBACK;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			logger.error("The '{}' decision gave no usable deadline for task '{}': it gets the fallback deadline {}",
					StepDeadlines.DECISION_KEY, step, FALLBACK, ex);
			return FALLBACK;
		}
	}

	private Optional<Instant> anchorTime(DelegateTask task, String step, DeadlineAnchor anchor) {
		if (anchor.variableName() == null) {
			return Optional.empty();
		}
		Object value = task.getVariable(anchor.variableName());
		Optional<Instant> anchorTime = StepDeadlines.toInstant(value);
		if (anchorTime.isEmpty()) {
			// the value itself is not logged: variables may be personal data
			logger.warn("Task '{}': anchor variable '{}' is {}; the deadline counts from the task's creation", step,
					anchor.variableName(), (value != null) ? "not a date-time" : "missing");
		}
		return anchorTime;
	}

}
