package uk.safeguarding.workflow.metrics;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
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
 * use them too). Counts through the engine's public query API and one grouped count of
 * the notification outbox; a handful of queries whatever the volume, and never per scrape
 * ({@link SafeguardingGauges} caches them). Run without an authenticated user: force-wide
 * figures.
 */
@Service
public class SafeguardingFiguresQuery {

	private static final int CHUNK = 500;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final JdbcTemplate jdbc;

	public SafeguardingFiguresQuery(RuntimeService runtime, TaskService tasks, ManagementService management,
			JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.tasks = tasks;
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

	Map<String, Map<Integer, Long>> overdueSteps() {
		Date now = Date.from(JourneyTime.now());
		List<Task> overdue = this.tasks.createTaskQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.dueBefore(now)
			.list();
		Map<String, Integer> levels = new HashMap<>();
		List<String> ids = overdue.stream().map(Task::getId).toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			for (VariableInstance level : this.runtime.createVariableInstanceQuery()
				.variableName(OverdueEscalation.ESCALATION_LEVEL)
				.taskIdIn(chunk.toArray(String[]::new))
				.list()) {
				if (level.getValue() instanceof Number number) {
					levels.put(level.getTaskId(), number.intValue());
				}
			}
		}
		Map<String, Map<Integer, Long>> byStep = new TreeMap<>();
		for (String step : VictimSafeguardingProcess.UserTasks.ALL) {
			byStep.put(step, zeroLevels());
		}
		for (Task task : overdue) {
			Map<Integer, Long> step = byStep.computeIfAbsent(task.getTaskDefinitionKey(), (key) -> zeroLevels());
			step.merge(Math.min(2, levels.getOrDefault(task.getId(), 0)), 1L, Long::sum);
		}
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
