package uk.safeguarding.workflow.deadlines.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import uk.safeguarding.workflow.deadlines.DeadlineAnchor;
import uk.safeguarding.workflow.deadlines.StepDeadline;
import uk.safeguarding.workflow.deadlines.StepDeadlines;
import uk.safeguarding.workflow.deadlines.WorkingDayCalendar;
import uk.safeguarding.workflow.process.JourneyTime;

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
 * is logged: a broken table must never stop a victim's case. The row is evaluated once
 * per deployed version of the table ({@link EngineStepDeadlines}).
 * <p>
 * A step that a timer starts (its row says when it appears) is due as long after it
 * appears as its row says, if it appears late (an old anchor, a timer that fired after
 * its time): it is never created already overdue.
 * <p>
 * Needs no Spring: {@code new DueDateTaskListener(new WorkingDayCalendar())}.
 */
public class DueDateTaskListener implements TaskListener {

	/** Task-local variable: when the owner is next chased (steps with a chase only). */
	public static final String NEXT_CHASE_AT = "nextChaseAt";

	/** Process variable read as the decision's {@code immediateRisk} input. */
	public static final String IMMEDIATE_RISK = EngineStepDeadlines.IMMEDIATE_RISK;

	/** Used only when the decision is not deployed: the table's own catch-all row. */
	public static final StepDeadline FALLBACK = EngineStepDeadlines.FALLBACK;

	private final EngineStepDeadlines deadlines;

	public DueDateTaskListener(WorkingDayCalendar calendar) {
		this(new StepDeadlines(calendar));
	}

	public DueDateTaskListener(StepDeadlines stepDeadlines) {
		this(new EngineStepDeadlines(stepDeadlines));
	}

	public DueDateTaskListener(EngineStepDeadlines deadlines) {
		this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
	}

	@Override
	public void notify(DelegateTask task) {
		String step = task.getTaskDefinitionKey();
		Instant createdAt = JourneyTime.now();
		StepDeadline deadline = this.deadlines.forStep(task.getProcessEngineServices(), task, step);
		Instant anchorTime = this.deadlines.anchorTime(task, step, deadline.anchor()).orElse(createdAt);
		StepDeadlines stepDeadlines = this.deadlines.stepDeadlines();
		Date due = stepDeadlines.dueDate(deadline, anchorTime);
		if (deadline.hasAppearance()) {
			Instant appears = stepDeadlines.appearsAt(deadline, anchorTime).toInstant();
			if (appears.isBefore(createdAt)) {
				// it appears late: due as long after its appearance as the row says
				Duration lead = Duration.between(appears, due.toInstant());
				due = Date.from(createdAt.plus(lead.isNegative() ? Duration.ZERO : lead));
			}
		}
		task.setDueDate(due);
		if (deadline.hasChase()) {
			task.setVariableLocal(NEXT_CHASE_AT, stepDeadlines.nextChase(deadline, due.toInstant()));
		}
	}

}
