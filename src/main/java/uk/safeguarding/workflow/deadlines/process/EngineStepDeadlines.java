package uk.safeguarding.workflow.deadlines.process;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.safeguarding.workflow.deadlines.DeadlineAnchor;
import uk.safeguarding.workflow.deadlines.DeadlineUnit;
import uk.safeguarding.workflow.deadlines.StepDeadline;
import uk.safeguarding.workflow.deadlines.StepDeadlines;

/**
 * The {@code step-deadlines} row of a step, read inside the engine (a task listener, a
 * timer expression): cached per deployed version ({@link StepDeadlines}), evaluated
 * without authorization checks (system work done for whichever user's action got there,
 * who needs no rights on the decision), and never failing a victim's case: a missing or
 * broken table gives {@link #FALLBACK} and an error in the log.
 */
public class EngineStepDeadlines {

	/** Used only when the decision is not deployed: the table's own catch-all row. */
	public static final StepDeadline FALLBACK = new StepDeadline(5, DeadlineUnit.WORKING_DAYS,
			DeadlineAnchor.TASK_CREATED, null, null, "local default");

	/** Process variable read as the decision's {@code immediateRisk} input. */
	public static final String IMMEDIATE_RISK = "immediateRisk";

	private static final Logger logger = LoggerFactory.getLogger(EngineStepDeadlines.class);

	private final StepDeadlines stepDeadlines;

	public EngineStepDeadlines(StepDeadlines stepDeadlines) {
		this.stepDeadlines = Objects.requireNonNull(stepDeadlines, "stepDeadlines");
	}

	public StepDeadlines stepDeadlines() {
		return this.stepDeadlines;
	}

	/** The step's row, with the case's {@code immediateRisk} read from {@code scope}. */
	public StepDeadline forStep(ProcessEngineServices engine, VariableScope scope, String step) {
		boolean immediateRisk = Boolean.TRUE.equals(scope.getVariable(IMMEDIATE_RISK));
		try {
			// the public engine API; inside a command it must not check the user's rights
			// (Context is engine impl: the public API has no "run as the system" switch)
			CommandContext commandContext = Context.getCommandContext();
			if (commandContext == null) {
				return this.stepDeadlines.forStep(engine, step, immediateRisk);
			}
			return commandContext
				.runWithoutAuthorization(() -> this.stepDeadlines.forStep(engine, step, immediateRisk));
		}
		catch (NotFoundException ex) {
			logger.error("No '{}' decision is deployed: step '{}' gets the fallback deadline {}",
					StepDeadlines.DECISION_KEY, step, FALLBACK, ex);
			return FALLBACK;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			logger.error("The '{}' decision gave no usable deadline for step '{}': it gets the fallback deadline {}",
					StepDeadlines.DECISION_KEY, step, FALLBACK, ex);
			return FALLBACK;
		}
	}

	/**
	 * The anchor time the row names, from its variable; empty for {@code TASK_CREATED} or
	 * a variable that is missing or not a date-time (then the caller counts from now).
	 */
	public Optional<Instant> anchorTime(VariableScope scope, String step, DeadlineAnchor anchor) {
		if (anchor.variableName() == null) {
			return Optional.empty();
		}
		Object value = scope.getVariable(anchor.variableName());
		Optional<Instant> anchorTime = StepDeadlines.toInstant(value);
		if (anchorTime.isEmpty()) {
			// the value itself is not logged: variables may be personal data
			logger.warn("Step '{}': anchor variable '{}' is {}; the deadline counts from now", step,
					anchor.variableName(), (value != null) ? "not a date-time" : "missing");
		}
		return anchorTime;
	}

}
