package uk.safeguarding.workflow.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Reads what a form or a REST client submitted, with a specific, actionable message for
 * each kind of bad input. Messages name the field and what is expected, never the
 * submitted value.
 */
public final class FormValues {

	static final Pattern UNSAFE_TEXT = Pattern.compile("[$#]\\s*\\{|<\\s*script", Pattern.CASE_INSENSITIVE);

	static final int MAX_TEXT = 4000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final VariableScope scope;

	private final String submittedBy;

	public FormValues(VariableScope scope) {
		this(scope, null);
	}

	/**
	 * The answers of a step and the person who gave them.
	 * @param scope the task or execution holding the answers
	 * @param submittedBy the person acting ({@link ActingPerson}), or null
	 */
	public FormValues(VariableScope scope, String submittedBy) {
		this.scope = scope;
		this.submittedBy = submittedBy;
	}

	/** The person who gave these answers, as {@link ActingPerson} names them, or null. */
	public String submittedBy() {
		return this.submittedBy;
	}

	public Object raw(String field) {
		return this.scope.getVariable(field);
	}

	public boolean has(String field) {
		Object value = raw(field);
		return value != null && !(value instanceof String text && text.isBlank());
	}

	public boolean requiredBoolean(String field, String label) {
		Object value = raw(field);
		if (value == null) {
			throw new SafeguardingRuleViolation(field, label + " is required (" + field + ": true or false).");
		}
		return toBoolean(field, label, value);
	}

	public boolean optionalBoolean(String field, String label, boolean fallback) {
		Object value = raw(field);
		return (value != null) ? toBoolean(field, label, value) : fallback;
	}

	private static boolean toBoolean(String field, String label, Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
			return Boolean.parseBoolean(text);
		}
		throw new SafeguardingRuleViolation(field, label + " must be true or false (" + field + ").");
	}

	public String requiredText(String field, String label, int maxLength) {
		Object value = raw(field);
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new SafeguardingRuleViolation(field, label + " is required (" + field + ").");
		}
		return text(field, label, value, maxLength);
	}

	public String optionalText(String field, String label, int maxLength) {
		Object value = raw(field);
		return (value == null) ? null : text(field, label, value, maxLength);
	}

	private static String text(String field, String label, Object value, int maxLength) {
		if (!(value instanceof String text)) {
			throw new SafeguardingRuleViolation(field, label + " must be text (" + field + ").");
		}
		if (text.length() > maxLength) {
			throw new SafeguardingRuleViolation(field,
					label + " is too long: at most " + maxLength + " characters (" + field + ").");
		}
		refuseMarkup(field, text);
		return text.strip();
	}

	/**
	 * Refuses text that looks like an expression or a script ({@code ${...}},
	 * {@code #{...}}, {@code <script}). The engine never evaluates variable values, but a
	 * value like this in a case is either a mistake or an attack on whoever displays it.
	 */
	static void refuseMarkup(String field, String text) {
		if (UNSAFE_TEXT.matcher(text).find()) {
			throw new SafeguardingRuleViolation(field, "The text in " + field
					+ " cannot contain ${, #{ or <script>: write it in plain words, without code or expressions.");
		}
	}

	/**
	 * Checks every text value a step or a start can see, including fields that no rule
	 * reads: no expression or script text, nothing longer than the engine's text column
	 * (4,000 characters).
	 */
	public void refuseUnsafeText() {
		for (String name : this.scope.getVariableNames()) {
			TypedValue typed = this.scope.getVariableTyped(name, false);
			if (typed instanceof StringValue string && string.getValue() != null) {
				if (string.getValue().length() > MAX_TEXT) {
					throw new SafeguardingRuleViolation(name,
							"The text in " + name + " is too long: at most " + MAX_TEXT + " characters.");
				}
				refuseMarkup(name, string.getValue());
			}
		}
	}

	public String requiredMatching(String field, String label, Pattern pattern, String format) {
		String text = requiredText(field, label, 200);
		if (!pattern.matcher(text).matches()) {
			throw new SafeguardingRuleViolation(field, label + " is not in the expected format: " + format + ".");
		}
		return text;
	}

	public String requiredChoice(String field, String label, Set<String> allowed) {
		String value = requiredText(field, label, 100);
		return choice(field, label, value, allowed);
	}

	public String optionalChoice(String field, String label, Set<String> allowed) {
		String value = optionalText(field, label, 100);
		return (value == null || value.isEmpty()) ? null : choice(field, label, value, allowed);
	}

	private static String choice(String field, String label, String value, Set<String> allowed) {
		if (!allowed.contains(value)) {
			throw new SafeguardingRuleViolation(field, label + " must be one of "
					+ String.join(", ", allowed.stream().sorted().toList()) + " (" + field + ").");
		}
		return value;
	}

	public Integer optionalInteger(String field, String label, int min, int max) {
		Object value = raw(field);
		if (value == null) {
			return null;
		}
		long number;
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			number = ((Number) value).longValue();
		}
		else if (value instanceof Double d && d == Math.rint(d)) {
			number = d.longValue();
		}
		else if (value instanceof String text && text.matches("-?\\d{1,9}")) {
			number = Long.parseLong(text);
		}
		else {
			throw new SafeguardingRuleViolation(field, label + " must be a whole number (" + field + ").");
		}
		if (number < min || number > max) {
			throw new SafeguardingRuleViolation(field,
					label + " must be between " + min + " and " + max + " (" + field + ").");
		}
		return (int) number;
	}

	/**
	 * A comma-separated list: a string, or the JSON array or list a multi-select form
	 * submits.
	 */
	public String requiredList(String field, String label, Set<String> allowed) {
		String joined = optionalList(field, label, allowed);
		if (joined == null || joined.isEmpty()) {
			throw new SafeguardingRuleViolation(field, label + " needs at least one of "
					+ String.join(", ", allowed.stream().sorted().toList()) + " (" + field + ").");
		}
		return joined;
	}

	public String optionalList(String field, String label, Set<String> allowed) {
		Object value = raw(field);
		if (value == null) {
			return null;
		}
		Collection<?> items;
		if (value instanceof Collection<?> collection) {
			items = collection;
		}
		else if (!(value instanceof String) || ((String) value).strip().startsWith("[")) {
			// a JSON array: as text, or a JSON variable (Tasklist's checklist) whose text
			// is JSON
			items = jsonArray(field, label, allowed, String.valueOf(value));
		}
		else {
			items = java.util.Arrays.stream(((String) value).split(","))
				.map(String::strip)
				.filter((item) -> !item.isEmpty())
				.toList();
		}
		for (Object item : items) {
			if (!(item instanceof String text) || !allowed.contains(text)) {
				throw new SafeguardingRuleViolation(field, label + " may only contain "
						+ String.join(", ", allowed.stream().sorted().toList()) + " (" + field + ").");
			}
		}
		return items.stream().map(String::valueOf).distinct().collect(Collectors.joining(","));
	}

	private static List<?> jsonArray(String field, String label, Set<String> allowed, String json) {
		SafeguardingRuleViolation notAList = new SafeguardingRuleViolation(field, label + " must be a list of "
				+ String.join(", ", allowed.stream().sorted().toList()) + " (" + field + ").");
		try {
			List<?> items = JSON.readValue(json, List.class);
			if (items == null) {
				throw notAList;
			}
			return items;
		}
		catch (JsonProcessingException ex) {
			// not kept as the cause: the parser's message repeats the submitted text
			throw notAList;
		}
	}

	/** A date ({@code yyyy-MM-dd}) that is not in the future. */
	public LocalDate optionalPastDate(String field, String label) {
		Object value = raw(field);
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		LocalDate date = parseDate(field, label, value);
		if (date.isAfter(JourneyTime.today())) {
			throw new SafeguardingRuleViolation(field, label + " cannot be in the future (" + field + ").");
		}
		return date;
	}

	public LocalDate requiredPastDate(String field, String label) {
		if (!has(field)) {
			throw new SafeguardingRuleViolation(field, label + " is required (" + field + ", yyyy-MM-dd).");
		}
		return optionalPastDate(field, label);
	}

	/**
	 * A date and time, not in the future; accepts {@code yyyy-MM-dd'T'HH:mm[:ss]} with or
	 * without an offset.
	 */
	public Instant optionalPastInstant(String field, String label) {
		Object value = raw(field);
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		Instant instant = parseInstant(field, label, value);
		if (instant.isAfter(JourneyTime.now().plusSeconds(300))) {
			throw new SafeguardingRuleViolation(field, label + " cannot be in the future (" + field + ").");
		}
		return instant;
	}

	public Instant requiredPastInstant(String field, String label) {
		if (!has(field)) {
			throw new SafeguardingRuleViolation(field, label + " is required (" + field + ", yyyy-MM-ddTHH:mm).");
		}
		return optionalPastInstant(field, label);
	}

	static LocalDate parseDate(String field, String label, Object value) {
		return JourneyTime.date(value)
			.orElseThrow(() -> new SafeguardingRuleViolation(field,
					label + " must be a date in the form yyyy-MM-dd (" + field + ")."));
	}

	/**
	 * Reads an instant from a Date or an ISO string; null when absent or unreadable. For
	 * anchors that the system itself wrote.
	 */
	public static Instant toInstant(Object value) {
		return JourneyTime.instant(value).orElse(null);
	}

	static Instant parseInstant(String field, String label, Object value) {
		return JourneyTime.instant(value)
			.orElseThrow(() -> new SafeguardingRuleViolation(field,
					label + " must be a date and time in the form yyyy-MM-ddTHH:mm (" + field + ")."));
	}

}
