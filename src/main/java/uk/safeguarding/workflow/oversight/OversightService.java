package uk.safeguarding.workflow.oversight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.safeguarding.workflow.deadlines.OverdueEscalation;
import uk.safeguarding.workflow.oversight.Dashboard.CaseClock;
import uk.safeguarding.workflow.oversight.Dashboard.Count;
import uk.safeguarding.workflow.oversight.Dashboard.OverdueStep;
import uk.safeguarding.workflow.oversight.Dashboard.RiskList;
import uk.safeguarding.workflow.oversight.Dashboard.StepTime;
import uk.safeguarding.workflow.oversight.Dashboard.Trends;
import uk.safeguarding.workflow.oversight.VisibleCases.CaseRow;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Events;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.SafeguardingDirectory;
import uk.safeguarding.workflow.web.CurrentUser;
import uk.safeguarding.workflow.process.JourneyTime;
import java.util.Date;

/**
 * Builds the oversight dashboard for one person: the engine's runtime task queries for
 * what is open and overdue (restricted to the cases the person may see by a join to the
 * case record), the case record for the clocks and risks, and the product's own table of
 * completed steps for the trends. No query reads the engine's history.
 */
@Service
@Transactional(readOnly = true)
public class OversightService {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

	/** Overdue steps read for the groupings; more is a sign to narrow the filters. */
	static final int OVERDUE_LIMIT = 5000;

	/** Cases listed under each risk (the count says how many there are). */
	static final int RISK_ROWS = 20;

	/** Recovery period after a positive reasonable grounds decision: at least 30 days. */
	static final int RECOVERY_DAYS = 30;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final VisibleCases cases;

	private final StepOutcomes outcomes;

	private final Steps steps;

	private final SafeguardingDirectory directory;

	OversightService(TaskService tasks, RuntimeService runtime, ManagementService management, VisibleCases cases,
			StepOutcomes outcomes, Steps steps, SafeguardingDirectory directory) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.management = management;
		this.cases = cases;
		this.outcomes = outcomes;
		this.steps = steps;
		this.directory = directory;
	}

	public Dashboard dashboard(CurrentUser user, OversightFilters filters) {
		Instant now = JourneyTime.now();
		// every case (a manager without case filters), or the engine queries join the
		// case record to keep to the cases this person may see
		Visible references = new Visible(
				user.isManager() && filters.area() == null && filters.pathway() == null && filters.supervisor() == null,
				user, filters);

		List<Task> overdueTasks = overdueTasks(references, filters.step(), now);
		Map<String, CaseRow> overdueCases = this.cases.byProcessInstance(user, filters,
				overdueTasks.stream().map(Task::getProcessInstanceId).toList());
		List<Task> visibleOverdue = overdueTasks.stream()
			.filter((task) -> overdueCases.containsKey(task.getProcessInstanceId()))
			.toList();
		List<Task> shown = visibleOverdue.subList(0, Math.min(Dashboard.ROWS, visibleOverdue.size()));
		Map<String, Integer> levels = escalationLevels(shown);
		List<OverdueStep> overdue = new ArrayList<>();
		for (Task task : shown) {
			CaseRow row = overdueCases.get(task.getProcessInstanceId());
			overdue.add(new OverdueStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), row.reference(),
					row.areaCode(), areaName(row.areaCode()), row.pathway(), row.supervisor(),
					task.getDueDate().toInstant(), Duration.between(task.getDueDate().toInstant(), now),
					levels.getOrDefault(task.getId(), 0)));
		}
		List<Count> byStep = group(visibleOverdue, Task::getTaskDefinitionKey, this.steps::name);
		List<Count> byArea = group(visibleOverdue, (task) -> overdueCases.get(task.getProcessInstanceId()).areaCode(),
				this::areaName);
		List<Count> bySupervisor = group(visibleOverdue,
				(task) -> supervisorKey(overdueCases.get(task.getProcessInstanceId()).supervisor()),
				(key) -> key.isEmpty() ? "No supervisor yet" : key);

		long openCases = this.cases.count(user, filters);
		List<CaseClock> clocks = clocks(this.cases.oldest(user, filters, Dashboard.ROWS), now);
		List<RiskList> risks = risks(user, filters, references, now);
		Trends trends = trends(user, filters, references, now);
		return new Dashboard(filters, now, overdue, visibleOverdue.size(), byStep, byArea, bySupervisor, clocks,
				openCases, risks, trends);
	}

	/** The supervisors who may be chosen in the filter (those holding open cases). */
	public List<String> supervisors(CurrentUser user) {
		return this.cases.supervisors(user);
	}

	/** The steps that may be chosen in the filter: id to name, in model order. */
	public Map<String, String> steps() {
		return this.steps.names();
	}

	public List<SafeguardingArea> areas() {
		return this.directory.all();
	}

	private List<Task> overdueTasks(Visible references, String step, Instant now) {
		return queryTasks(references, step, now, OVERDUE_LIMIT).stream()
			.sorted(Comparator.comparing(Task::getDueDate).thenComparing(Task::getId))
			.toList();
	}

	/**
	 * Open tasks of the journey matching the criteria, for the given cases (null: all),
	 * oldest due first: with cases, one native task query joined to the case record by
	 * {@link VisibleCases#visibleTasks} (the engine's task query could only take their
	 * references, in chunks of a thousand).
	 */
	private List<Task> queryTasks(Visible visible, String step, Instant dueBefore, int limit) {
		if (visible.all()) {
			TaskQuery query = this.tasks.createTaskQuery().processDefinitionKey(VictimSafeguardingProcess.KEY);
			if (step != null) {
				query.taskDefinitionKey(step);
			}
			if (dueBefore != null) {
				query.dueBefore(Date.from(dueBefore));
			}
			return query.orderByDueDate().asc().listPage(0, limit);
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder("SELECT T.*").append(VisibleCases
			.visibleTasks(this.management.getTableName(Task.class), visible.user(), visible.filters(), parameters));
		if (step != null) {
			sql.append(" AND T.TASK_DEF_KEY_ = :step");
			parameters.addValue("step", step);
		}
		if (dueBefore != null) {
			sql.append(" AND T.DUE_DATE_ < :due");
			parameters.addValue("due", Date.from(dueBefore));
		}
		sql.append(" ORDER BY T.DUE_DATE_ ASC, T.ID_ ASC");
		// the native task query takes MyBatis' #{name} where Spring's SQL has :name
		var query = this.tasks.createNativeTaskQuery().sql(sql.toString().replaceAll(":(\\w+)", "#{$1}"));
		for (String name : parameters.getParameterNames()) {
			query.parameter(name, parameters.getValue(name));
		}
		return query.listPage(0, limit);
	}

	/**
	 * Whose cases the engine queries cover: every case (a manager without case filters),
	 * or the cases this person may see with these filters.
	 */
	record Visible(boolean all, CurrentUser user, OversightFilters filters) {
	}

	private Map<String, Integer> escalationLevels(List<Task> shown) {
		Map<String, Integer> levels = new HashMap<>();
		if (shown.isEmpty()) {
			return levels;
		}
		for (VariableInstance variable : this.runtime.createVariableInstanceQuery()
			.variableName(OverdueEscalation.ESCALATION_LEVEL)
			.taskIdIn(shown.stream().map(Task::getId).toArray(String[]::new))
			.list()) {
			if (variable.getValue() instanceof Number level) {
				levels.put(variable.getTaskId(), level.intValue());
			}
		}
		return levels;
	}

	private static List<Count> group(List<Task> tasks, Function<Task, String> key, Function<String, String> label) {
		Map<String, Long> counts = tasks.stream()
			.collect(Collectors.groupingBy((task) -> nonNull(key.apply(task)), LinkedHashMap::new,
					Collectors.counting()));
		return counts.entrySet()
			.stream()
			.map((entry) -> new Count(entry.getKey(), label.apply(entry.getKey()), entry.getValue()))
			.sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label))
			.toList();
	}

	private static String supervisorKey(String supervisor) {
		return (supervisor != null) ? supervisor : "";
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	private String areaName(String areaCode) {
		if (areaCode == null || areaCode.isEmpty()) {
			return "Unknown area";
		}
		return this.directory.find(areaCode).map(SafeguardingArea::areaName).orElse(areaCode);
	}

	private List<CaseClock> clocks(List<CaseRow> rows, Instant now) {
		Map<String, Map<String, String>> referrals = this.cases
			.referralStates(rows.stream().map(CaseRow::reference).toList());
		Map<String, Instant> reviews = nextReviews(
				rows.stream().map(CaseRow::processInstanceId).filter(java.util.Objects::nonNull).toList());
		List<CaseClock> clocks = new ArrayList<>();
		for (CaseRow row : rows) {
			Map<String, String> sent = referrals.getOrDefault(row.reference(), Map.of());
			Instant identified = (row.identifiedAt() != null) ? row.identifiedAt() : row.openedAt();
			Instant review = reviews.get(row.processInstanceId());
			clocks.add(new CaseClock(row.reference(), row.pathway(), row.areaCode(), areaName(row.areaCode()),
					(identified != null) ? Durations.text(Duration.between(identified, now)) : "Not recorded",
					delivery(sent.get("MASH")), row.isChild() ? delivery(sent.get("ICTG")) : "Not needed (adult)",
					referral(row), reasonableGrounds(row, now), recoveryPeriod(row, now),
					(review != null) ? DATE.format(review.atZone(JourneyTime.ZONE)) : "None scheduled"));
		}
		return clocks;
	}

	private Map<String, Instant> nextReviews(Collection<String> instances) {
		Map<String, Instant> reviews = new HashMap<>();
		if (instances.isEmpty()) {
			return reviews;
		}
		// the review timer's job definitions: JobQuery cannot combine activityId with
		// processInstanceIds (Camunda 7.24 writes invalid SQL for the pair)
		Set<String> reviewTimers = this.management.createJobDefinitionQuery()
			.activityIdIn(Events.REVIEW_DUE)
			.list()
			.stream()
			.map(org.camunda.bpm.engine.management.JobDefinition::getId)
			.collect(Collectors.toSet());
		if (reviewTimers.isEmpty()) {
			return reviews;
		}
		for (Job job : this.management.createJobQuery().timers().processInstanceIds(Set.copyOf(instances)).list()) {
			if (reviewTimers.contains(job.getJobDefinitionId()) && job.getDuedate() != null) {
				reviews.merge(job.getProcessInstanceId(), job.getDuedate().toInstant(),
						(a, b) -> a.isBefore(b) ? a : b);
			}
		}
		return reviews;
	}

	static String delivery(String status) {
		if (status == null) {
			return "Not sent";
		}
		return switch (status) {
			case "SENT" -> "Notified (delivered)";
			case "PENDING", "SENDING" -> "Sending";
			case "FAILED" -> "Could not be delivered";
			case "UNKNOWN" -> "Delivery unknown: confirm with recipient";
			default -> status;
		};
	}

	private static String referral(CaseRow row) {
		if (row.nrmReference() != null) {
			return "NRM referral submitted" + ((row.nrmSubmittedAt() != null)
					? " " + DATE.format(row.nrmSubmittedAt().atZone(JourneyTime.ZONE)) : "");
		}
		if (row.dutyToNotifyReference() != null) {
			return "Duty to Notify submitted";
		}
		return "Neither submitted";
	}

	private static String reasonableGrounds(CaseRow row, Instant now) {
		if (row.reasonableGroundsDecision() != null) {
			String decision = row.reasonableGroundsDecision().charAt(0)
					+ row.reasonableGroundsDecision().substring(1).toLowerCase(Locale.UK);
			return decision + ((row.reasonableGroundsDecisionDate() != null)
					? " (" + DATE.format(row.reasonableGroundsDecisionDate()) + ")" : "");
		}
		if (row.nrmSubmittedAt() != null) {
			return "Awaited for " + Durations.text(Duration.between(row.nrmSubmittedAt(), now));
		}
		return "Not referred yet";
	}

	private static String recoveryPeriod(CaseRow row, Instant now) {
		if (!"POSITIVE".equals(row.reasonableGroundsDecision()) || row.reasonableGroundsDecisionDate() == null) {
			return "Not started";
		}
		if (row.conclusiveGroundsDecision() != null) {
			return "Ended: conclusive grounds decision made";
		}
		LocalDate from = row.reasonableGroundsDecisionDate();
		long day = ChronoUnit.DAYS.between(from, now.atZone(JourneyTime.ZONE).toLocalDate()) + 1;
		return "Day " + day + " (at least " + RECOVERY_DAYS + " days, until the conclusive grounds decision)";
	}

	private List<RiskList> risks(CurrentUser user, OversightFilters filters, Visible references, Instant now) {
		List<RiskList> risks = new ArrayList<>();
		risks.add(
				fromOpenSteps(user, filters, references, "child-no-nrm", "Child with no NRM referral past its deadline",
						"A child is always referred: the Submit NRM referral step is overdue.",
						UserTasks.SUBMIT_NRM_REFERRAL, now, (row) -> row.isChild() && row.nrmReference() == null));
		risks.add(fromCaseRecord(user, filters, "adult-no-consent", "Adult with no consent decision",
				"No informed consent decision (given or declined) is recorded yet.",
				"c.pathway = 'ADULT' AND NOT EXISTS (SELECT 1 FROM consent_record r WHERE r.case_id = c.id "
						+ "AND r.outcome IN ('GIVEN', 'DECLINED'))"));
		risks.add(fromCaseRecord(user, filters, "declined-no-dtn", "Declined adult with no Duty to Notify",
				"The adult declined an NRM referral and no anonymous Duty to Notify report is recorded.",
				"c.pathway = 'ADULT' AND c.duty_to_notify_reference IS NULL AND c.nrm_reference IS NULL "
						+ "AND EXISTS (SELECT 1 FROM consent_record r WHERE r.case_id = c.id AND r.outcome = 'DECLINED' "
						+ "AND NOT EXISTS (SELECT 1 FROM consent_record g WHERE g.case_id = c.id "
						+ "AND g.outcome = 'GIVEN' AND g.recorded_at > r.recorded_at))"));
		risks
			.add(fromOpenSteps(user, filters, references, "immediate-risk", "Immediate risk, safeguarding not recorded",
					"The report said immediate risk and Record immediate safeguarding is still open.",
					UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, null, CaseRow::immediateRisk));
		risks.add(fromOpenSteps(user, filters, references, "missing", "Victim missing now",
				"Reported missing, and the response to the missing episode is not yet recorded.",
				UserTasks.RESPOND_TO_MISSING_VICTIM, null, (row) -> true));
		risks.add(fromCaseRecord(user, filters, "undelivered", "Notifications that could not be delivered",
				"A notice failed for good or its delivery is unknown: someone must contact the recipient.",
				// one look-up of the few undelivered notices (index on status), not a
				// search per case
				"c.reference IN (SELECT n.case_reference FROM notification n WHERE n.status IN ('FAILED', 'UNKNOWN'))"));
		return risks;
	}

	private RiskList fromCaseRecord(CurrentUser user, OversightFilters filters, String key, String title, String why,
			String condition) {
		return new RiskList(key, title, why, this.cases.countMatching(user, filters, condition),
				this.cases.matching(user, filters, condition, RISK_ROWS));
	}

	private RiskList fromOpenSteps(CurrentUser user, OversightFilters filters, Visible references, String key,
			String title, String why, String step, Instant overdueAt, java.util.function.Predicate<CaseRow> condition) {
		List<Task> open = queryTasks(references, step, overdueAt, OVERDUE_LIMIT);
		Map<String, CaseRow> rows = this.cases.byProcessInstance(user, filters,
				open.stream().map(Task::getProcessInstanceId).toList());
		List<String> matching = open.stream()
			.map((task) -> rows.get(task.getProcessInstanceId()))
			.filter((row) -> row != null && condition.test(row))
			.map(CaseRow::reference)
			.distinct()
			.toList();
		return new RiskList(key, title, why, matching.size(),
				matching.subList(0, Math.min(RISK_ROWS, matching.size())));
	}

	private Trends trends(CurrentUser user, OversightFilters filters, Visible references, Instant now) {
		List<Count> openByStep = new ArrayList<>();
		Map<String, Long> openSteps = this.cases.openStepsByStep(this.management.getTableName(Task.class), user,
				filters);
		for (Map.Entry<String, String> step : this.steps.names().entrySet()) {
			if (filters.step() != null && !filters.step().equals(step.getKey())) {
				continue;
			}
			long open = openSteps.getOrDefault(step.getKey(), 0L);
			if (open > 0) {
				openByStep.add(new Count(step.getKey(), step.getValue(), open));
			}
		}
		Instant from = now.minus(Duration.ofDays(filters.periodDays()));
		int bucketDays = (filters.periodDays() <= 7) ? 1 : 7;
		List<Count> late = new ArrayList<>();
		for (Instant start = from; start.isBefore(now); start = start.plus(Duration.ofDays(bucketDays))) {
			Instant end = start.plus(Duration.ofDays(bucketDays));
			if (end.isAfter(now)) {
				end = now;
			}
			String label = ((bucketDays == 1) ? "" : "Week from ") + DATE.format(start.atZone(JourneyTime.ZONE));
			late.add(new Count(start.toString(), label, this.outcomes.late(user, filters, start, end)));
		}
		List<StepTime> stepTimes = new ArrayList<>();
		Map<String, Long> completed = new HashMap<>();
		for (StepOutcomes.StepFigures figures : this.outcomes.byStep(user, filters, from, now)) {
			completed.put(figures.step(), figures.completed());
			stepTimes.add(new StepTime(figures.step(), this.steps.name(figures.step()), figures.completed(),
					Durations.text(Duration.ofMillis((long) figures.medianMs())), figures.medianMs() / 3_600_000d,
					(int) Math.round(100d * figures.onTime() / Math.max(1, figures.completed()))));
		}
		List<Count> referrals = List.of(
				new Count(UserTasks.SUBMIT_NRM_REFERRAL, "NRM referrals submitted",
						completed.getOrDefault(UserTasks.SUBMIT_NRM_REFERRAL, 0L)),
				new Count(UserTasks.SUBMIT_DUTY_TO_NOTIFY, "Duty to Notify reports submitted",
						completed.getOrDefault(UserTasks.SUBMIT_DUTY_TO_NOTIFY, 0L)));
		long ictg = this.cases.childrenReferredToIctg(user, filters, from, now);
		return new Trends(openByStep, late, stepTimes, referrals, ictg);
	}

}
