package uk.safeguarding.workflow.deadlines.process;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.safeguarding.workflow.deadlines.StepDeadline;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * When a timer-started step appears, from its {@code step-deadlines} row: the model's
 * timers read {@code ${stepTimers.appearsAt(execution, 'UserTask_RevisitConsent')}} as
 * their {@code timeDate}, so the moment the task appears and its due date come from one
 * row (issue 8 item 7). An appearance already past (the anchor is old) fires at once; the
 * task's due date then counts from its appearance ({@link DueDateTaskListener}), so it is
 * never created overdue.
 */
public class StepTimers {

	/** The name the model's timer expressions use. */
	public static final String BEAN_NAME = "stepTimers";

	private final EngineStepDeadlines deadlines;

	public StepTimers(EngineStepDeadlines deadlines) {
		this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
	}

	/** The moment {@code step} appears for the case {@code execution} is in. */
	public Date appearsAt(DelegateExecution execution, String step) {
		StepDeadline deadline = this.deadlines.forStep(execution.getProcessEngineServices(), execution, step);
		Instant now = JourneyTime.now();
		Instant anchor = this.deadlines.anchorTime(execution, step, deadline.anchor()).orElse(now);
		return this.deadlines.stepDeadlines().appearsAt(deadline, anchor);
	}

}
