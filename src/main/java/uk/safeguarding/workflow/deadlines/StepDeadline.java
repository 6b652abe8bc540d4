package uk.safeguarding.workflow.deadlines;

import java.util.Map;
import java.util.Objects;

/**
 * One row of the {@code step-deadlines} decision: a step is due {@code amount}
 * {@code unit} after its {@code anchor}; a step with a chase is then chased every
 * {@code chaseAmount} {@code chaseUnit} (owner only). {@code kind} says where the
 * deadline comes from ("national standard", "local default", "Home Office target", ...).
 * A step still open {@code escalateAmount} {@code escalateUnit} after its due date goes
 * to managers (the second escalation level; none for a chased step). A step that a timer
 * starts appears {@code appearsAmount} {@code appearsUnit} after its anchor, before it is
 * due: the same row says both, so the task never appears already overdue.
 *
 * @param amount how many units after the anchor the step is due
 * @param unit the unit of {@code amount}
 * @param anchor what the deadline counts from
 * @param chaseAmount the chase interval after the due date, or {@code null} for no chase
 * @param chaseUnit the unit of {@code chaseAmount}, or {@code null} for no chase
 * @param kind the source of the deadline
 * @param escalateAmount how long after the due date managers are told, or {@code null}
 * for none
 * @param escalateUnit the unit of {@code escalateAmount}, or {@code null}
 * @param appearsAmount for a timer-started step, when it appears after its anchor, or
 * {@code null}
 * @param appearsUnit the unit of {@code appearsAmount}, or {@code null}
 */
public record StepDeadline(int amount, DeadlineUnit unit, DeadlineAnchor anchor, Integer chaseAmount,
		DeadlineUnit chaseUnit, String kind, Integer escalateAmount, DeadlineUnit escalateUnit, Integer appearsAmount,
		DeadlineUnit appearsUnit) {

	/** The default second level of spec section 4: one working day after the due date. */
	public static final int DEFAULT_ESCALATE_WORKING_DAYS = 1;

	public StepDeadline {
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(anchor, "anchor");
		if (amount < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amount);
		}
		if ((chaseAmount == null) != (chaseUnit == null)) {
			throw new IllegalArgumentException(
					"chaseAmount and chaseUnit go together: " + chaseAmount + " " + chaseUnit);
		}
		if (chaseAmount != null && chaseAmount <= 0) {
			throw new IllegalArgumentException("chaseAmount must be positive: " + chaseAmount);
		}
		pair("escalate", escalateAmount, escalateUnit);
		pair("appears", appearsAmount, appearsUnit);
	}

	/**
	 * A row without its own second level (one working day after the due date, or none for
	 * a chased step) and without a timer.
	 */
	public StepDeadline(int amount, DeadlineUnit unit, DeadlineAnchor anchor, Integer chaseAmount,
			DeadlineUnit chaseUnit, String kind) {
		this(amount, unit, anchor, chaseAmount, chaseUnit, kind,
				(chaseAmount != null) ? null : DEFAULT_ESCALATE_WORKING_DAYS,
				(chaseAmount != null) ? null : DeadlineUnit.WORKING_DAYS, null, null);
	}

	private static void pair(String name, Integer amount, DeadlineUnit unit) {
		if ((amount == null) != (unit == null)) {
			throw new IllegalArgumentException(
					name + "Amount and " + name + "Unit go together: " + amount + " " + unit);
		}
		if (amount != null && amount < 0) {
			throw new IllegalArgumentException(name + "Amount must not be negative: " + amount);
		}
	}

	/** Whether a step still open after its due date goes to managers. */
	public boolean hasManagerEscalation() {
		return this.escalateAmount != null;
	}

	/** Whether the row says when a timer-started step appears. */
	public boolean hasAppearance() {
		return this.appearsAmount != null;
	}

	/** Whether the step is chased (owner only) after its due date. */
	public boolean hasChase() {
		return this.chaseAmount != null;
	}

	/**
	 * A deadline from the outputs of one {@code step-deadlines} rule (output names
	 * {@code amount}, {@code unit}, {@code anchor}, {@code chaseAmount},
	 * {@code chaseUnit}, {@code kind}; an empty chase is absent or {@code null}).
	 * @throws IllegalArgumentException when an output is missing or not a known value
	 */
	public static StepDeadline fromDecisionOutputs(Map<String, Object> outputs) {
		Object amount = outputs.get("amount");
		if (!(amount instanceof Number)) {
			throw new IllegalArgumentException("step-deadlines output 'amount' is not a number: " + amount);
		}
		Integer chaseAmount = optionalAmount(outputs, "chaseAmount");
		DeadlineUnit chaseUnit = optionalUnit(outputs, "chaseUnit");
		Integer escalateAmount;
		DeadlineUnit escalateUnit;
		if (outputs.containsKey("escalateAmount") || outputs.containsKey("escalateUnit")) {
			escalateAmount = optionalAmount(outputs, "escalateAmount");
			escalateUnit = optionalUnit(outputs, "escalateUnit");
		}
		else {
			// a table from before the column: the default second level
			escalateAmount = (chaseAmount != null) ? null : DEFAULT_ESCALATE_WORKING_DAYS;
			escalateUnit = (chaseAmount != null) ? null : DeadlineUnit.WORKING_DAYS;
		}
		return new StepDeadline(((Number) amount).intValue(), DeadlineUnit.valueOf(required(outputs, "unit")),
				DeadlineAnchor.valueOf(required(outputs, "anchor")), chaseAmount, chaseUnit,
				(String) outputs.get("kind"), escalateAmount, escalateUnit, optionalAmount(outputs, "appearsAmount"),
				optionalUnit(outputs, "appearsUnit"));
	}

	private static Integer optionalAmount(Map<String, Object> outputs, String name) {
		Object value = outputs.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException("step-deadlines output '" + name + "' is not a number: " + value);
		}
		return number.intValue();
	}

	private static String required(Map<String, Object> outputs, String name) {
		Object value = outputs.get(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw new IllegalArgumentException("step-deadlines output '" + name + "' is missing: " + value);
		}
		return text.trim();
	}

	private static DeadlineUnit optionalUnit(Map<String, Object> outputs, String name) {
		Object value = outputs.get(name);
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		return DeadlineUnit.valueOf(value.toString().trim());
	}

}
