package uk.safeguarding.workflow.deadlines;

import java.util.Map;
import java.util.Objects;

/**
 * One row of the {@code step-deadlines} decision: a step is due {@code amount}
 * {@code unit} after its {@code anchor}; a step with a chase is then chased every
 * {@code chaseAmount} {@code chaseUnit} (owner only). {@code kind} says where the
 * deadline comes from ("national standard", "local default", "Home Office target", ...).
 *
 * @param amount how many units after the anchor the step is due
 * @param unit the unit of {@code amount}
 * @param anchor what the deadline counts from
 * @param chaseAmount the chase interval after the due date, or {@code null} for no chase
 * @param chaseUnit the unit of {@code chaseAmount}, or {@code null} for no chase
 * @param kind the source of the deadline
 */
public record StepDeadline(int amount, DeadlineUnit unit, DeadlineAnchor anchor, Integer chaseAmount,
		DeadlineUnit chaseUnit, String kind) {

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
		Object chaseAmount = outputs.get("chaseAmount");
		if (chaseAmount != null && !(chaseAmount instanceof Number)) {
			throw new IllegalArgumentException("step-deadlines output 'chaseAmount' is not a number: " + chaseAmount);
		}
		return new StepDeadline(((Number) amount).intValue(), DeadlineUnit.valueOf(required(outputs, "unit")),
				DeadlineAnchor.valueOf(required(outputs, "anchor")),
				(chaseAmount != null) ? ((Number) chaseAmount).intValue() : null, optionalUnit(outputs, "chaseUnit"),
				(String) outputs.get("kind"));
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
