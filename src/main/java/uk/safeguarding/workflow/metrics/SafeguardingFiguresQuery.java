package uk.safeguarding.workflow.metrics;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import uk.safeguarding.workflow.deadlines.OverdueEscalation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Pathway;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.NotificationStatus;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The queries behind the product's gauges, in one public place (the oversight pages may
 * use them too). Counts through the engine's public query API, one grouped count of the
 * overdue steps and one of the notification outbox; a handful of queries whatever the
 * volume, and never per scrape ({@link SafeguardingGauges} caches them). Run without an
 * authenticated user: force-wide figures.
 */
@Service
public class SafeguardingFiguresQuery {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final JdbcTemplate jdbc;

	public SafeguardingFiguresQuery(RuntimeService runtime, ManagementService management, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.management = management;
		this.jdbc = jdbc;
	}

	/** The figures now. */
	public SafeguardingFigures current() {
		return new SafeguardingFigures(openCasesByPathway(), overdueSteps(), notificationsByStatus(),
				this.runtime.createIncidentQuery().count(), this.management.createJobQuery().noRetriesLeft().count());
	}

	Map<String, Long> openCasesByPathway() {
		Map<String, Long> byPathway = new LinkedHashMap<>();
		long all = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.count();
		long decided = 0;
		for (String pathway : List.of(Pathway.CHILD, Pathway.ADULT)) {
			long count = this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(VictimSafeguardingProcess.KEY)
				.variableValueEquals(Variables.PATHWAY, pathway)
				.count();
			byPathway.put(pathway, count);
			decided += count;
		}
		byPathway.put("UNKNOWN", Math.max(0, all - decided));
		return byPathway;
	}

	/**
	 * Overdue steps per step and escalation level, in one grouped statement over the
	 * engine's runtime task table (its escalation level a task-local integer variable,
	 * kept in LONG_): the engine's task query listed every overdue step (19,895 at 20,000
	 * open cases), then asked their levels 500 at a time.
	 */
	Map<String, Map<Integer, Long>> overdueSteps() {
		Map<String, Map<Integer, Long>> byStep = new TreeMap<>();
		for (String step : VictimSafeguardingProcess.UserTasks.ALL) {
			byStep.put(step, zeroLevels());
		}
		String tasks = this.management.getTableName(Task.class);
		String definitions = this.management.getTableName(ProcessDefinition.class);
		String variables = tasks.replace("ACT_RU_TASK", "ACT_RU_VARIABLE");
		this.jdbc.query("SELECT T.TASK_DEF_KEY_ AS step, V.LONG_ AS escalation_level, COUNT(*) AS steps FROM " + tasks
				+ " T JOIN " + definitions + " D ON D.ID_ = T.PROC_DEF_ID_ LEFT JOIN " + variables
				+ " V ON V.TASK_ID_ = T.ID_ AND V.NAME_ = ? WHERE D.KEY_ = ? AND T.DUE_DATE_ < ?"
				+ " GROUP BY T.TASK_DEF_KEY_, V.LONG_", (ResultSet row) -> {
					Map<Integer, Long> step = byStep.computeIfAbsent(row.getString("step"), (key) -> zeroLevels());
					step.merge((int) Math.min(2, row.getLong("escalation_level")), row.getLong("steps"), Long::sum);
				}, OverdueEscalation.ESCALATION_LEVEL, VictimSafeguardingProcess.KEY,
				Timestamp.from(JourneyTime.now()));
		return byStep;
	}

	Map<String, Long> notificationsByStatus() {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (NotificationStatus status : NotificationStatus.values()) {
			byStatus.put(status.name(), 0L);
		}
		List<Map<String, Object>> rows = new ArrayList<>(
				this.jdbc.queryForList("select status, count(*) as n from notification group by status"));
		for (Map<String, Object> row : rows) {
			Object status = row.getOrDefault("status", row.get("STATUS"));
			Object count = row.getOrDefault("n", row.get("N"));
			if (status != null && count instanceof Number number) {
				byStatus.put(status.toString(), number.longValue());
			}
		}
		return byStatus;
	}

	private static Map<Integer, Long> zeroLevels() {
		Map<Integer, Long> levels = new TreeMap<>();
		levels.put(0, 0L);
		levels.put(1, 0L);
		levels.put(2, 0L);
		return levels;
	}

}
