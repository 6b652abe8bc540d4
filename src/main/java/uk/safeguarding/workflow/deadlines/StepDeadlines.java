package uk.safeguarding.workflow.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Step deadlines from the deployed {@code step-deadlines} decision (the single source,
 * spec section 4), and the due instants they give.
 * <p>
 * Units: {@code MINUTES} and {@code HOURS} are plain durations; {@code CALENDAR_DAYS} are
 * days in Europe/London (same local time, across clock changes); {@code WORKING_DAYS}
 * follow {@link WorkingDayCalendar} (same local time on the N-th working day after the
 * anchor).
 */
public class StepDeadlines {

	/** The key of the deployed decision. */
	public static final String DECISION_KEY = "step-deadlines";

	/** Input: the BPMN user task id (task definition key). */
	public static final String INPUT_STEP = "step";

	/** Input: the case's immediate risk flag. */
	public static final String INPUT_IMMEDIATE_RISK = "immediateRisk";

	private final WorkingDayCalendar calendar;

	/**
	 * Rows already evaluated, per deployed version of the table: the inputs are a step
	 * and a flag, so a version has at most two rows per step. Evaluating FEEL on every
	 * task creation (and writing its decision history) was a tenth of the product's CPU
	 * (issue 12).
	 */
	private final ConcurrentMap<String, StepDeadline> evaluated = new ConcurrentHashMap<>();

	private volatile String cachedDefinitionId;

	public StepDeadlines(WorkingDayCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
	}

	public WorkingDayCalendar getCalendar() {
		return this.calendar;
	}

	/**
	 * Evaluates the latest deployed {@code step-deadlines} decision for a step. Runs with
	 * the caller's authorization: inside the engine, call it with authorization checks
	 * disabled (as {@code DueDateTaskListener} does).
	 * @param decisions the engine's decision service
	 * @param step the BPMN user task id
	 * @param immediateRisk the case's immediate risk flag
	 * @return the deadline of the first matching rule
	 * @throws IllegalStateException when no rule matches (the table's catch-all row is
	 * missing)
	 */
	public StepDeadline forStep(DecisionService decisions, String step, boolean immediateRisk) {
		DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION_KEY)
			.variables(Variables.createVariables()
				.putValue(INPUT_STEP, step)
				.putValue(INPUT_IMMEDIATE_RISK, immediateRisk))
			.evaluate();
		if (result.isEmpty()) {
			throw new IllegalStateException("The '" + DECISION_KEY + "' decision has no rule for step '" + step
					+ "': it needs a catch-all last row");
		}
		return StepDeadline.fromDecisionOutputs(result.getFirstResult().getEntryMap());
	}

	/**
	 * The row of the latest deployed {@code step-deadlines} decision for a step,
	 * evaluated once per deployed version, step and flag (public engine APIs: a decision
	 * definition query, then {@code evaluateDecisionById} on a miss). A new version is
	 * picked up at the first task created after its deployment. Runs with the caller's
	 * authorization, as {@link #forStep(DecisionService, String, boolean)}.
	 * @throws NotFoundException when no {@code step-deadlines} decision is deployed
	 * @throws IllegalStateException when no rule matches
	 */
	public StepDeadline forStep(ProcessEngineServices engine, String step, boolean immediateRisk) {
		DecisionDefinition latest = engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(DECISION_KEY)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new NotFoundException("No '" + DECISION_KEY + "' decision is deployed");
		}
		String definitionId = latest.getId();
		if (!definitionId.equals(this.cachedDefinitionId)) {
			// a new version: the rows of the old one are never asked for again
			this.evaluated.clear();
			this.cachedDefinitionId = definitionId;
		}
		String key = definitionId + '|' + step + '|' + immediateRisk;
		StepDeadline cached = this.evaluated.get(key);
		if (cached != null) {
			return cached;
		}
		DmnDecisionResult result = engine.getDecisionService()
			.evaluateDecisionById(definitionId)
			.variables(Variables.createVariables()
				.putValue(INPUT_STEP, step)
				.putValue(INPUT_IMMEDIATE_RISK, immediateRisk))
			.evaluate();
		if (result.isEmpty()) {
			throw new IllegalStateException("The '" + DECISION_KEY + "' decision has no rule for step '" + step
					+ "': it needs a catch-all last row");
		}
		StepDeadline deadline = StepDeadline.fromDecisionOutputs(result.getFirstResult().getEntryMap());
		this.evaluated.put(key, deadline);
		return deadline;
	}

	/**
	 * When a step that a timer starts appears: {@code appearsAmount} after its anchor
	 * time, or the anchor time itself when the row gives no appearance.
	 */
	public Date appearsAt(StepDeadline deadline, Instant anchorTime) {
		if (!deadline.hasAppearance()) {
			return Date.from(anchorTime);
		}
		return Date.from(plus(anchorTime, deadline.appearsAmount(), deadline.appearsUnit()));
	}

	/**
	 * When a step still open after its due date goes to managers, or {@code null} when
	 * its row has no second level (a chased decision).
	 */
	public Date managersAt(StepDeadline deadline, Instant dueDate) {
		if (!deadline.hasManagerEscalation()) {
			return null;
		}
		return Date.from(plus(dueDate, deadline.escalateAmount(), deadline.escalateUnit()));
	}

	/** The instant a step with this deadline is due, counted from its anchor time. */
	public Date dueDate(StepDeadline deadline, Instant anchorTime) {
		return Date.from(plus(anchorTime, deadline.amount(), deadline.unit()));
	}

	/**
	 * The next chase after {@code from} (the due date for the first chase, then the last
	 * chase), or {@code null} when the step has no chase.
	 */
	public Date nextChase(StepDeadline deadline, Instant from) {
		if (!deadline.hasChase()) {
			return null;
		}
		return Date.from(plus(from, deadline.chaseAmount(), deadline.chaseUnit()));
	}

	/** {@code amount} {@code unit}s after {@code start}. */
	public Instant plus(Instant start, int amount, DeadlineUnit unit) {
		Objects.requireNonNull(start, "start");
		return switch (unit) {
			case MINUTES -> start.plus(Duration.ofMinutes(amount));
			case HOURS -> start.plus(Duration.ofHours(amount));
			case CALENDAR_DAYS -> start.atZone(WorkingDayCalendar.ZONE).plusDays(amount).toInstant();
			case WORKING_DAYS ->
				this.calendar.addWorkingDays(start.atZone(WorkingDayCalendar.ZONE), amount).toInstant();
		};
	}

	/**
	 * The instant an anchor variable holds. Accepts {@link Date}, {@link Instant},
	 * {@link OffsetDateTime}, {@link ZonedDateTime}, {@link LocalDateTime} and
	 * {@link LocalDate} values and ISO-8601 strings of those (as forms submit them: an
	 * offset date-time, {@code yyyy-MM-ddTHH:mm[:ss]} or {@code yyyy-MM-dd}). Times
	 * without an offset are Europe/London local times; a date alone is the start of that
	 * day.
	 * @return the instant, or empty for {@code null} or a value that is none of these
	 */
	public static Optional<Instant> toInstant(Object value) {
		return JourneyTime.instant(value);
	}

}
