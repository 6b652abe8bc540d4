package uk.safeguarding.workflow.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.web.CurrentUser;

/**
 * The open cases one person may oversee, read from the case record in SQL (indexed
 * columns, no personal data selected): a manager every case, a supervisor the cases they
 * supervise and the new ones nobody supervises yet (the access rule of spec section 1).
 */
@Component
class VisibleCases {

	static final String COLUMNS = "reference, process_instance_id, pathway, area_code, supervisor, immediate_risk, "
			+ "identified_at, opened_at, nrm_reference, nrm_submitted_at, duty_to_notify_reference, "
			+ "reasonable_grounds_decision, reasonable_grounds_decision_date, conclusive_grounds_decision";

	/** What the dashboard reads of a case record: references, codes and dates only. */
	record CaseRow(String reference, String processInstanceId, String pathway, String areaCode, String supervisor,
			boolean immediateRisk, Instant identifiedAt, Instant openedAt, String nrmReference, Instant nrmSubmittedAt,
			String dutyToNotifyReference, String reasonableGroundsDecision, LocalDate reasonableGroundsDecisionDate,
			String conclusiveGroundsDecision) {

		boolean isChild() {
			return "CHILD".equals(this.pathway);
		}

	}

	private final NamedParameterJdbcTemplate sql;

	VisibleCases(NamedParameterJdbcTemplate sql) {
		this.sql = sql;
	}

	/** How many open cases the person may see with these filters. */
	long count(CurrentUser user, OversightFilters filters) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		Long count = this.sql.queryForObject("SELECT COUNT(*) FROM victim_case" + where(user, filters, parameters),
				parameters, Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The oldest open cases first (longest since identification), at most {@code limit}.
	 */
	List<CaseRow> oldest(CurrentUser user, OversightFilters filters, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		parameters.addValue("limit", limit);
		return this.sql.query(
				"SELECT " + COLUMNS + " FROM victim_case" + where(user, filters, parameters)
						+ " ORDER BY COALESCE(identified_at, opened_at), reference FETCH FIRST :limit ROWS ONLY",
				parameters, VisibleCases::row);
	}

	/** How many visible open cases match a risk condition, and the first of them. */
	record Matching(long count, List<String> references) {
	}

	/**
	 * Visible open cases matching each of the dashboard's risk conditions (SQL conditions
	 * over {@code victim_case c}, their parameters in {@code parameters}, each name used
	 * once): how many match each, and at most {@code limit} of each, oldest first, in one
	 * statement instead of one per risk, each reading the visible open cases again. One
	 * pass flags each visible open case per risk and only the cases at some risk come
	 * back, in the lists' order, to be counted here. {@code OFFSET 0 ROWS} keeps
	 * PostgreSQL from folding the flags into the outer query, where it evaluated each
	 * condition a second time; a window over the flags (a total and a running number per
	 * risk, so that only the first rows come back) cost more than reading the flagged
	 * rows (298-332 ms against 93-195 ms at 20,000 open cases; docs/performance.md, "Full
	 * scale, 1 December late evening").
	 */
	List<Matching> matching(CurrentUser user, OversightFilters filters, List<String> conditions,
			MapSqlParameterSource parameters, int limit) {
		StringBuilder flags = new StringBuilder();
		StringBuilder any = new StringBuilder();
		for (int i = 0; i < conditions.size(); i++) {
			flags.append(", CASE WHEN ").append(conditions.get(i)).append(" THEN 1 ELSE 0 END AS r").append(i);
			any.append((i > 0) ? " + " : "").append("r").append(i);
		}
		String sql = "SELECT * FROM (SELECT c.reference, COALESCE(c.identified_at, c.opened_at) AS since_at" + flags
				+ " FROM victim_case c" + where("c.", true, user, filters, parameters) + " OFFSET 0 ROWS) f WHERE "
				+ any + " > 0 ORDER BY since_at, reference";
		long[] counts = new long[conditions.size()];
		List<List<String>> references = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			references.add(new ArrayList<>());
		}
		this.sql.query(sql, parameters, (ResultSet row) -> {
			for (int i = 0; i < counts.length; i++) {
				if (row.getInt("r" + i) == 1) {
					counts[i]++;
					if (references.get(i).size() < limit) {
						references.get(i).add(row.getString("reference"));
					}
				}
			}
		});
		List<Matching> matching = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			matching.add(new Matching(counts[i], references.get(i)));
		}
		return matching;
	}

	/** Supervisors who hold at least one open case (for the filter's list). */
	List<String> supervisors(CurrentUser user) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		return this.sql.queryForList("SELECT DISTINCT supervisor FROM victim_case"
				+ where(user, OversightFilters.none(), parameters) + " AND supervisor IS NOT NULL ORDER BY supervisor",
				parameters, String.class);
	}

	/** Who the ICTG referral goes to (SafeguardingNotifier's audience). */
	static final String ICTG_AUDIENCE = "Independent Child Trafficking Guardian service";

	/**
	 * The delivery state of each case's referral to its hub ({@code MASH}) and, for a
	 * child, to the ICTG service ({@code ICTG}), by reference: the latest notice of each.
	 */
	Map<String, Map<String, String>> referralStates(Collection<String> references) {
		Map<String, Map<String, String>> states = new HashMap<>();
		if (references.isEmpty()) {
			return states;
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("references", references);
		parameters.addValue("ictg", ICTG_AUDIENCE);
		this.sql.query("SELECT case_reference, audience, status FROM notification "
				+ "WHERE case_reference IN (:references) AND notice IN ('CASE_OPENED', 'AGE_ASSESSED_CHILD') "
				+ "ORDER BY created_at, id", parameters, (ResultSet row) -> {
					String to = ICTG_AUDIENCE.equals(row.getString("audience")) ? "ICTG" : "MASH";
					states.computeIfAbsent(row.getString("case_reference"), (k) -> new HashMap<>())
						.put(to, row.getString("status"));
				});
		return states;
	}

	/** Children referred to the ICTG service in the period (visible cases only). */
	long childrenReferredToIctg(CurrentUser user, OversightFilters filters, Instant from, Instant to) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		parameters.addValue("ictg", ICTG_AUDIENCE);
		parameters.addValue("from", Timestamp.from(from));
		parameters.addValue("to", Timestamp.from(to));
		// the period's ICTG notices (index on audience and time), then their cases by
		// reference: the COUNT(DISTINCT) over a join cost 77-163 ms a load at volume
		Long count = this.sql
			.queryForObject("SELECT COUNT(*) FROM victim_case c" + where("c.", false, user, filters, parameters)
					+ " AND c.reference IN (SELECT n.case_reference FROM notification n WHERE n.audience = :ictg "
					+ "AND n.created_at >= :from AND n.created_at < :to)", parameters, Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The engine's open tasks of the cases the person may see, as SQL over the task table
	 * {@code T} (joined to the case record {@code c} by process instance, so the
	 * visibility rule is the one above, applied in the database: no list of references
	 * goes to the engine).
	 */
	static String visibleTasks(String taskTable, CurrentUser user, OversightFilters filters,
			MapSqlParameterSource parameters) {
		return visibleTasks(taskTable, "", user, filters, parameters);
	}

	/**
	 * As above, with {@code join} (more tables joined to {@code T} or {@code c}) before
	 * the rule.
	 */
	static String visibleTasks(String taskTable, String join, CurrentUser user, OversightFilters filters,
			MapSqlParameterSource parameters) {
		return " FROM " + taskTable + " T JOIN victim_case c ON c.process_instance_id = T.PROC_INST_ID_" + join
				+ where("c.", true, user, filters, parameters);
	}

	/**
	 * As {@link #visibleTasks}, for counts over every visible case: the visible cases are
	 * read first as a table of their own ({@code OFFSET 0 ROWS}), so that PostgreSQL
	 * estimates the join from how many cases are visible rather than from the instance
	 * ids of every case in history. With the plain join it expected 1,764 of a manager's
	 * 35,104 open steps of children at 320,000 cases and sorted them by their text to
	 * group them (217 ms); it now hashes them (122 ms). The lists that read a few rows
	 * keep the plain join (a look-up per row shown). Ends in a {@code WHERE} that more
	 * conditions may follow with {@code AND}.
	 */
	static String visibleTasksCounted(String taskTable, CurrentUser user, OversightFilters filters,
			MapSqlParameterSource parameters) {
		return " FROM " + taskTable
				+ " T JOIN (SELECT c.process_instance_id, c.area_code, c.supervisor FROM victim_case c"
				+ where("c.", true, user, filters, parameters)
				+ " OFFSET 0 ROWS) c ON c.process_instance_id = T.PROC_INST_ID_ WHERE 1 = 1";
	}

	private static String where(CurrentUser user, OversightFilters filters, MapSqlParameterSource parameters) {
		return where("", true, user, filters, parameters);
	}

	private static String where(String alias, boolean openOnly, CurrentUser user, OversightFilters filters,
			MapSqlParameterSource parameters) {
		String a = alias;
		StringBuilder where = new StringBuilder(openOnly ? " WHERE " + a + "status = 'OPEN'" : " WHERE 1 = 1");
		if (!user.isManager()) {
			where.append(" AND (" + a + "supervisor = :me OR " + a + "supervisor IS NULL)");
			parameters.addValue("me", user.id());
		}
		if (filters.area() != null) {
			where.append(" AND " + a + "area_code = :area");
			parameters.addValue("area", filters.area());
		}
		if (filters.pathway() != null) {
			where.append(" AND " + a + "pathway = :pathway");
			parameters.addValue("pathway", filters.pathway());
		}
		if (filters.supervisor() != null) {
			where.append(" AND " + a + "supervisor = :supervisor");
			parameters.addValue("supervisor", filters.supervisor());
		}
		return where.toString();
	}

	private static CaseRow row(ResultSet row, int n) throws SQLException {
		Timestamp rg = null;
		java.sql.Date rgDate = row.getDate("reasonable_grounds_decision_date");
		return new CaseRow(row.getString("reference"), row.getString("process_instance_id"), row.getString("pathway"),
				row.getString("area_code"), row.getString("supervisor"), row.getBoolean("immediate_risk"),
				instant(row.getTimestamp("identified_at")), instant(row.getTimestamp("opened_at")),
				row.getString("nrm_reference"), instant(row.getTimestamp("nrm_submitted_at")),
				row.getString("duty_to_notify_reference"), row.getString("reasonable_grounds_decision"),
				(rgDate != null) ? rgDate.toLocalDate() : null, row.getString("conclusive_grounds_decision"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
