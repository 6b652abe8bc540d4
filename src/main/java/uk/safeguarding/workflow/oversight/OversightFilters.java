package uk.safeguarding.workflow.oversight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import uk.safeguarding.workflow.safeguarding.SafeguardingArea;

/**
 * The dashboard's filters, as they stand in the URL (a GET form, so a filtered view can
 * be bookmarked and shared). Every value is checked here: a bad one is refused with a
 * message that says which and why, never guessed at.
 */
public record OversightFilters(String area, String pathway, String step, String supervisor, int periodDays) {

	public static final Set<Integer> PERIODS = Set.of(7, 30, 90);

	public static final int DEFAULT_PERIOD = 90;

	private static final Pattern STEP = Pattern.compile("UserTask_[A-Za-z]{1,60}");

	private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	public static OversightFilters none() {
		return new OversightFilters(null, null, null, null, DEFAULT_PERIOD);
	}

	/**
	 * @throws InvalidFilterException naming the filter and what it accepts
	 */
	public static OversightFilters parse(String area, String pathway, String step, String supervisor, String period) {
		String a = blankToNull(area);
		if (a != null && !SafeguardingArea.isAreaCode(a)) {
			throw new InvalidFilterException("area", "Choose an area from the list (an ONS code such as E08000025)");
		}
		String p = blankToNull(pathway);
		if (p != null && !p.equals("CHILD") && !p.equals("ADULT")) {
			throw new InvalidFilterException("pathway", "Pathway must be CHILD or ADULT");
		}
		String s = blankToNull(step);
		if (s != null && !STEP.matcher(s).matches()) {
			throw new InvalidFilterException("step", "Choose a step from the list");
		}
		String u = blankToNull(supervisor);
		if (u != null && !USER.matcher(u).matches()) {
			throw new InvalidFilterException("supervisor", "Choose a supervisor from the list");
		}
		int days = DEFAULT_PERIOD;
		String d = blankToNull(period);
		if (d != null) {
			try {
				days = Integer.parseInt(d);
			}
			catch (NumberFormatException ex) {
				days = -1;
			}
			if (!PERIODS.contains(days)) {
				throw new InvalidFilterException("period", "Period must be 7, 30 or 90 days");
			}
		}
		return new OversightFilters(a, p, s, u, days);
	}

	public boolean isFiltered() {
		return this.area != null || this.pathway != null || this.step != null || this.supervisor != null;
	}

	/** The filters as a query string ({@code ?area=...}), empty when none is set. */
	public String queryString() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("area", this.area);
		values.put("pathway", this.pathway);
		values.put("step", this.step);
		values.put("supervisor", this.supervisor);
		values.put("period", (this.periodDays != DEFAULT_PERIOD) ? String.valueOf(this.periodDays) : null);
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		values.forEach((name, value) -> {
			if (value != null) {
				query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** A filter value the dashboard does not accept. */
	public static class InvalidFilterException extends RuntimeException {

		private final String filter;

		public InvalidFilterException(String filter, String message) {
			super(message);
			this.filter = filter;
		}

		public String getFilter() {
			return this.filter;
		}

	}

}
