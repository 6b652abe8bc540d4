package uk.safeguarding.workflow.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.deadlines.OverdueEscalation;
import uk.safeguarding.workflow.web.CurrentUser;

/**
 * The open steps of the cases one person may oversee, read in SQL from the engine's
 * runtime task table joined to the case record by {@link VisibleCases}' rule: the counts
 * as one grouped statement, the overdue list as the rows shown only (oldest due first,
 * {@code FETCH FIRST n}), each with its escalation level joined in. At ten years of
 * volume the engine's task query read up to 5,000 tasks per list (and one variable query
 * more) to count and show a few dozen; these read what the page shows.
 */
@Component
class OpenSteps {

	/** Open and overdue steps of one step, area and supervisor. */
	record Group(String step, String areaCode, String supervisor, long open, long overdue) {
	}

	/** One overdue step as the list shows it (no personal data). */
	record Overdue(String taskId, String step, String name, Instant due, String reference, String areaCode,
			String pathway, String supervisor, int escalationLevel) {
	}

	private final NamedParameterJdbcTemplate sql;

	private final ManagementService management;

	OpenSteps(NamedParameterJdbcTemplate sql, ManagementService management) {
		// rows fetched in batches, so that the CSV of every overdue step streams from a
		// cursor instead of holding the whole result (PostgreSQL's driver reads it all
		// unless told a fetch size)
		JdbcTemplate batched = new JdbcTemplate(sql.getJdbcTemplate().getDataSource());
		batched.setFetchSize(500);
		this.sql = new NamedParameterJdbcTemplate(batched);
		this.management = management;
	}

	String taskTable() {
		return this.management.getTableName(Task.class);
	}

	/**
	 * The runtime variable table, beside the task table (the public {@code getTableName}
	 * knows no API type for it).
	 */
	private String variableTable() {
		return taskTable().replace("ACT_RU_TASK", "ACT_RU_VARIABLE");
	}

	/**
	 * Open and overdue steps of the visible cases per step, area and supervisor, in one
	 * grouped statement (the step filter applies).
	 */
	List<Group> groups(CurrentUser user, OversightFilters filters, Instant now) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("now", Timestamp.from(now));
		String sql = "SELECT T.TASK_DEF_KEY_ AS step, c.area_code, c.supervisor, COUNT(*) AS open_steps, "
				+ "SUM(CASE WHEN T.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue_steps"
				+ VisibleCases.visibleTasksCounted(taskTable(), user, filters, parameters) + step(filters, parameters)
				+ " GROUP BY T.TASK_DEF_KEY_, c.area_code, c.supervisor";
		return this.sql.query(sql, parameters, (row, n) -> new Group(row.getString("step"), row.getString("area_code"),
				row.getString("supervisor"), row.getLong("open_steps"), row.getLong("overdue_steps")));
	}

	/** The most overdue steps first (due date, then task id), at most {@code limit}. */
	List<Overdue> overdue(CurrentUser user, OversightFilters filters, Instant now, int limit) {
		List<Overdue> rows = new ArrayList<>();
		query(user, filters, now, limit, rows::add);
		return rows;
	}

	/**
	 * Every overdue step, in the list's order, handed over as the rows are read (the CSV
	 * streams them: one statement, no look-up per row).
	 */
	void forEachOverdue(CurrentUser user, OversightFilters filters, Instant now, Consumer<Overdue> each) {
		query(user, filters, now, 0, each);
	}

	private void query(CurrentUser user, OversightFilters filters, Instant now, int limit, Consumer<Overdue> each) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("now", Timestamp.from(now));
		parameters.addValue("level", OverdueEscalation.ESCALATION_LEVEL);
		// the level is a task-local integer variable, kept in LONG_. For the rows a page
		// shows it is looked up per row (index on task id and name), where a join read
		// every level variable; for every overdue step (the CSV) it is joined: a look-up
		// for each of 19,930 rows cost 120 ms of 255 at 20,000 open cases, the join 136
		// ms in all (the variables of open steps only: a step's die with it)
		boolean shown = limit > 0;
		String level = shown
				? "(SELECT V.LONG_ FROM " + variableTable() + " V WHERE V.TASK_ID_ = T.ID_ AND V.NAME_ = :level)"
				: "V.LONG_";
		String join = shown ? "" : " LEFT JOIN " + variableTable() + " V ON V.TASK_ID_ = T.ID_ AND V.NAME_ = :level";
		String sql = "SELECT T.ID_ AS task_id, T.TASK_DEF_KEY_ AS step, T.NAME_ AS name, T.DUE_DATE_ AS due, "
				+ "c.reference, c.area_code, c.pathway, c.supervisor, " + level + " AS escalation_level"
				+ VisibleCases.visibleTasks(taskTable(), join, user, filters, parameters) + step(filters, parameters)
				+ " AND T.DUE_DATE_ < :now ORDER BY T.DUE_DATE_ ASC, T.ID_ ASC";
		if (shown) {
			sql += " FETCH FIRST :limit ROWS ONLY";
			parameters.addValue("limit", limit);
		}
		this.sql.query(sql, parameters, (RowCallbackHandler) (row) -> each.accept(overdue(row)));
	}

	private static Overdue overdue(ResultSet row) throws SQLException {
		return new Overdue(row.getString("task_id"), row.getString("step"), row.getString("name"),
				row.getTimestamp("due").toInstant(), row.getString("reference"), row.getString("area_code"),
				row.getString("pathway"), row.getString("supervisor"), (int) row.getLong("escalation_level"));
	}

	private static String step(OversightFilters filters, MapSqlParameterSource parameters) {
		if (filters.step() == null) {
			return "";
		}
		parameters.addValue("step", filters.step());
		return " AND T.TASK_DEF_KEY_ = :step";
	}

	/**
	 * An SQL condition over the case record {@code c}: the case has an open step
	 * {@code step}, overdue at {@code overdueAt} if given (for the risks). Its parameters
	 * are named after {@code name}, so that several such conditions share one statement.
	 * An uncorrelated {@code IN} rather than a correlated {@code EXISTS}: as a flag in
	 * the select list (not a join) PostgreSQL evaluates it once, as a hashed sub-plan
	 * over the few open steps of that kind, instead of once per open case.
	 */
	String hasOpenStep(String name, String step, Instant overdueAt, MapSqlParameterSource parameters) {
		parameters.addValue(name + "Step", step);
		String condition = "c.process_instance_id IN (SELECT T.PROC_INST_ID_ FROM " + taskTable()
				+ " T WHERE T.TASK_DEF_KEY_ = :" + name + "Step";
		if (overdueAt != null) {
			parameters.addValue(name + "Due", Timestamp.from(overdueAt));
			condition += " AND T.DUE_DATE_ < :" + name + "Due";
		}
		return condition + ")";
	}

}
