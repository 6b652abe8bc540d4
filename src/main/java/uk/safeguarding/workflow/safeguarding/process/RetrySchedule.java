package uk.safeguarding.workflow.safeguarding.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The waits between delivery attempts, from
 * {@code safeguarding.policy.notification-retry-cycle}: either a list of ISO-8601
 * durations ({@code PT1M,PT5M,PT15M,PT60M}: a retry after each) or Camunda's repeat form
 * ({@code R4/PT1M}: four retries a minute apart). A notice is tried once, then once after
 * each wait; then an incident is raised. The engine applies the cycle (the delivery
 * model's {@code camunda:failedJobRetryTimeCycle}) but reads it only when a job first
 * fails: this reads it at start, so that a cycle that is not valid stops the application
 * with a message naming the property.
 */
public record RetrySchedule(List<Duration> waits) {

	private static final Pattern REPEAT = Pattern.compile("^R(\\d+)/(P.+)$");

	private static final String PROPERTY = "safeguarding.policy.notification-retry-cycle";

	private static final String FORMS = "it must be a list of ISO-8601 durations such as PT1M,PT5M,PT15M,PT60M, "
			+ "or R4/PT1M";

	/**
	 * Reads a retry cycle.
	 * @param cycle a list of durations or the repeat form
	 * @return its waits
	 * @throws IllegalArgumentException naming the property and its two forms, when the
	 * cycle is neither
	 */
	public static RetrySchedule parse(String cycle) {
		if (cycle == null || cycle.isBlank()) {
			throw new IllegalArgumentException(PROPERTY + " is empty; " + FORMS);
		}
		List<Duration> waits = new ArrayList<>();
		try {
			Matcher repeat = REPEAT.matcher(cycle.strip());
			if (repeat.matches()) {
				Duration wait = Duration.parse(repeat.group(2));
				for (int i = 0; i < Integer.parseInt(repeat.group(1)); i++) {
					waits.add(wait);
				}
			}
			else {
				for (String part : cycle.split(",")) {
					waits.add(Duration.parse(part.strip()));
				}
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(PROPERTY + " '" + cycle + "' is not valid; " + FORMS, ex);
		}
		return new RetrySchedule(List.copyOf(waits));
	}

	/** Attempts in all: the first and one after each wait. */
	public int attempts() {
		return this.waits.size() + 1;
	}

	/**
	 * The same schedule as the engine's {@code camunda:failedJobRetryTimeCycle} reads it.
	 * The engine counts the first attempt in its repeat form ({@code R4/PT1M} is four
	 * attempts in all) but not in its list form ({@code PT1M,PT5M} is three), so the
	 * schedule is handed over as a list, or as {@code R2/...} for a single wait: either
	 * way the notice is tried {@link #attempts()} times.
	 * @return the cycle for the model
	 */
	public String engineCycle() {
		if (this.waits.isEmpty()) {
			return "R1/PT0S";
		}
		if (this.waits.size() == 1) {
			return "R2/" + this.waits.get(0);
		}
		return String.join(",", this.waits.stream().map(Duration::toString).toList());
	}

}
