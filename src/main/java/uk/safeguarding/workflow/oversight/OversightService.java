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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

/**
 * Builds the oversight dashboard for one person: SQL over the engine's runtime task table
 * joined to the case record for what is open and overdue ({@link OpenSteps}: counts as
 * grouped statements, the lists as the rows shown only), the case record for the clocks
 * and risks (restricted to the cases the person may see by {@link VisibleCases}), and the
 * product's own table of completed steps for the trends. No query reads the engine's
 * history, and none reads more rows than the page shows to count them.
 */
@Service
@Transactional(readOnly = true)
public class OversightService {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

	/** Cases listed under each risk (the count says how many there are). */
	static final int RISK_ROWS = 20;

	/** Recovery period after a positive reasonable grounds decision: at least 30 days. */
	static final int RECOVERY_DAYS = 30;

	private final OpenSteps openSteps;

	private final ManagementService management;

	private final VisibleCases cases;

	private final StepOutcomes outcomes;

	private final Steps steps;

	private final SafeguardingDirectory directory;

	private final ParallelReads reads;

	OversightService(OpenSteps openSteps, ManagementService management, VisibleCases cases, StepOutcomes outcomes,
			Steps steps, SafeguardingDirectory directory, ParallelReads reads) {
		this.openSteps = openSteps;
		this.management = management;
		this.cases = cases;
		this.outcomes = outcomes;
		this.steps = steps;
		this.directory = directory;
		this.reads = reads;
	}

	public Dashboard dashboard(CurrentUser user, OversightFilters filters) {
		Instant now = JourneyTime.now();
		// the two statements that read every visible open case (the grouped count of open
		// and overdue steps, and the risks) run beside the rest, each on a connection of
		// its own: at 20,000 open cases they are 150 and 95 ms of a manager's 260 ms of
		// SQL (docs/performance.md, "The dashboard's own time")
		CompletableFuture<List<OpenSteps.Group>> groupsRead = this.reads
			.read(() -> this.openSteps.groups(user, filters, now));
		CompletableFuture<List<RiskList>> risksRead = this.reads.read(() -> risks(user, filters, now));
		List<OverdueStep> overdue = this.openSteps.overdue(user, filters, now, Dashboard.ROWS)
			.stream()
			.map((step) -> overdueStep(step, now))
			.toList();
		long openCases = this.cases.count(user, filters);
		List<CaseClock> clocks = clocks(this.cases.oldest(user, filters, Dashboard.ROWS), now);
		List<OpenSteps.Group> groups = ParallelReads.result(groupsRead);
		long overdueTotal = groups.stream().mapToLong(OpenSteps.Group::overdue).sum();
		// the model's step names once a load (each look-up asks the engine for the latest
		// deployed version: 23 of a load's 41 statements when asked per name)
		Map<String, String> names = this.steps.names();
		List<Count> byStep = group(groups, OpenSteps.Group::step, (id) -> names.getOrDefault(id, id));
		List<Count> byArea = group(groups, OpenSteps.Group::areaCode, this::areaName);
		List<Count> bySupervisor = group(groups, (g) -> supervisorKey(g.supervisor()),
				(key) -> key.isEmpty() ? "No supervisor yet" : key);
		Trends trends = trends(user, filters, groups, names, now);
		List<RiskList> risks = ParallelReads.result(risksRead);
		return new Dashboard(filters, now, overdue, overdueTotal, byStep, byArea, bySupervisor, clocks, openCases,
				risks, trends);
	}

	/**
	 * Every overdue step the dashboard counts, most overdue first, handed over as they
	 * are read (for the CSV: one statement however many there are).
	 */
	public void forEachOverdue(CurrentUser user, OversightFilters filters, Consumer<OverdueStep> each) {
		Instant now = JourneyTime.now();
		this.openSteps.forEachOverdue(user, filters, now, (step) -> each.accept(overdueStep(step, now)));
	}

	private OverdueStep overdueStep(OpenSteps.Overdue step, Instant now) {
		return new OverdueStep(step.taskId(), step.step(), step.name(), step.reference(), step.areaCode(),
				areaName(step.areaCode()), step.pathway(), step.supervisor(), step.due(),
				Duration.between(step.due(), now), step.escalationLevel());
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

	private static List<Count> group(List<OpenSteps.Group> groups, Function<OpenSteps.Group, String> key,
			Function<String, String> label) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (OpenSteps.Group group : groups) {
			if (group.overdue() > 0) {
				counts.merge(nonNull(key.apply(group)), group.overdue(), Long::sum);
			}
		}
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

	/** One of the cases-at-risk lists: what it shows, and its SQL condition. */
	private record Risk(String key, String title, String why, String condition) {
	}

	private List<RiskList> risks(CurrentUser user, OversightFilters filters, Instant now) {
		// one parameter source for the six conditions, counted and listed in one
		// statement (VisibleCases.matching): each condition names its own parameters
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		List<Risk> risks = List.of(
				new Risk("child-no-nrm", "Child with no NRM referral past its deadline",
						"A child is always referred: the Submit NRM referral step is overdue.",
						"c.pathway = 'CHILD' AND c.nrm_reference IS NULL AND " + this.openSteps
							.hasOpenStep("childNoNrm", UserTasks.SUBMIT_NRM_REFERRAL, now, parameters)),
				new Risk("adult-no-consent", "Adult with no consent decision",
						"No informed consent decision (given or declined) is recorded yet.",
						// OFFSET 0 ROWS: a look-up per open adult (index on the case);
						// PostgreSQL otherwise hashed every consent record in history
						// (181,251 rows, 224 ms at 320,000 cases)
						"c.pathway = 'ADULT' AND NOT EXISTS (SELECT 1 FROM consent_record r WHERE r.case_id = c.id "
								+ "AND r.outcome IN ('GIVEN', 'DECLINED') OFFSET 0 ROWS)"),
				new Risk("declined-no-dtn", "Declined adult with no Duty to Notify",
						"The adult declined an NRM referral and no anonymous Duty to Notify report is recorded.",
						"c.pathway = 'ADULT' AND c.duty_to_notify_reference IS NULL AND c.nrm_reference IS NULL "
								// a look-up per open adult, as above (hashed, it read
								// every consent in history: 74 ms at 320,000 cases)
								+ "AND EXISTS (SELECT 1 FROM consent_record r WHERE r.case_id = c.id "
								+ "AND r.outcome = 'DECLINED' AND NOT EXISTS (SELECT 1 FROM consent_record g "
								+ "WHERE g.case_id = c.id AND g.outcome = 'GIVEN' AND g.recorded_at > r.recorded_at) "
								+ "OFFSET 0 ROWS)"),
				new Risk("immediate-risk", "Immediate risk, safeguarding not recorded",
						"The report said immediate risk and Record immediate safeguarding is still open.",
						"c.immediate_risk = TRUE AND " + this.openSteps.hasOpenStep("immediate",
								UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, null, parameters)),
				new Risk("missing", "Victim missing now",
						"Reported missing, and the response to the missing episode is not yet recorded.",
						this.openSteps.hasOpenStep("missing", UserTasks.RESPOND_TO_MISSING_VICTIM, null, parameters)),
				new Risk("undelivered", "Notifications that could not be delivered",
						"A notice failed for good or its delivery is unknown: someone must contact the recipient.",
						// one look-up of the few undelivered notices (index on
						// status), not a search per case
						"c.reference IN (SELECT n.case_reference FROM notification n "
								+ "WHERE n.status IN ('FAILED', 'UNKNOWN'))"));
		List<VisibleCases.Matching> matching = this.cases.matching(user, filters,
				risks.stream().map(Risk::condition).toList(), parameters, RISK_ROWS);
		List<RiskList> lists = new ArrayList<>();
		for (int i = 0; i < risks.size(); i++) {
			Risk risk = risks.get(i);
			lists.add(new RiskList(risk.key(), risk.title(), risk.why(), matching.get(i).count(),
					matching.get(i).references()));
		}
		return lists;
	}

	private Trends trends(CurrentUser user, OversightFilters filters, List<OpenSteps.Group> groups,
			Map<String, String> names, Instant now) {
		List<Count> openByStep = new ArrayList<>();
		Map<String, Long> openSteps = new HashMap<>();
		for (OpenSteps.Group group : groups) {
			openSteps.merge(group.step(), group.open(), Long::sum);
		}
		for (Map.Entry<String, String> step : names.entrySet()) {
			if (filters.step() != null && !filters.step().equals(step.getKey())) {
				continue;
			}
			long open = openSteps.getOrDefault(step.getKey(), 0L);
			if (open > 0) {
				openByStep.add(new Count(step.getKey(), step.getValue(), open));
			}
		}
		int bucketDays = (filters.periodDays() <= 7) ? 1 : 7;
		StepOutcomes.History history = this.outcomes.history(user, filters, now, bucketDays);
		List<Instant> starts = history.starts();
		List<Long> lateCounts = history.late();
		List<Count> late = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant start = starts.get(i);
			String label = ((bucketDays == 1) ? "" : "Week from ") + DATE.format(start.atZone(JourneyTime.ZONE));
			late.add(new Count(start.toString(), label, lateCounts.get(i)));
		}
		List<StepTime> stepTimes = new ArrayList<>();
		Map<String, Long> completed = new HashMap<>();
		for (StepOutcomes.StepFigures figures : history.byStep()) {
			completed.put(figures.step(), figures.completed());
			stepTimes.add(new StepTime(figures.step(), names.getOrDefault(figures.step(), figures.step()),
					figures.completed(), Durations.text(Duration.ofMillis((long) figures.medianMs())),
					figures.medianMs() / 3_600_000d,
					(int) Math.round(100d * figures.onTime() / Math.max(1, figures.completed()))));
		}
		List<Count> referrals = List.of(
				new Count(UserTasks.SUBMIT_NRM_REFERRAL, "NRM referrals submitted",
						completed.getOrDefault(UserTasks.SUBMIT_NRM_REFERRAL, 0L)),
				new Count(UserTasks.SUBMIT_DUTY_TO_NOTIFY, "Duty to Notify reports submitted",
						completed.getOrDefault(UserTasks.SUBMIT_DUTY_TO_NOTIFY, 0L)));
		return new Trends(openByStep, late, stepTimes, referrals, history.childrenReferredToIctg(), history.asOf());
	}

}
