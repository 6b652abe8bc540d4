package uk.safeguarding.workflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.web.ProductPagesTest.Browser;
import uk.safeguarding.workflow.deadlines.OverdueEscalation;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The oversight dashboard against what the engine and the case records say, for cases
 * seeded in several states: overdue steps (with their escalation level), the access rule
 * (a supervisor sees their cases and unowned ones, a manager all, a liaison officer
 * nothing), the CSV export equal to the page, the filters, and the trends.
 */
@SharedApplicationTest
class OversightDashboardTest {

	private static final Pattern OVERDUE_ROW = Pattern
		.compile("<tr class=\"govuk-table__row\" data-task=\"([^\"]+)\">\\s*<td[^>]*><a[^>]*>(MSHT-\\d{4}-\\d{6})</a>");

	/** The mail server the application sends to (spring.mail.port=3025). */
	@org.junit.jupiter.api.extension.RegisterExtension
	static com.icegreen.greenmail.junit5.GreenMailExtension greenMail = new com.icegreen.greenmail.junit5.GreenMailExtension(
			com.icegreen.greenmail.util.ServerSetupTest.SMTP)
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	OverdueEscalation escalation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StepOutcomeRepository outcomeRecords;

	RestJourney as;

	@BeforeEach
	void people() {
		this.as = new RestJourney(this.rest);
		if (this.identity.createUserQuery().userId("oversupervisor2").count() == 0) {
			User user = this.identity.newUser("oversupervisor2");
			user.setPassword(RestJourney.PASSWORD);
			this.identity.saveUser(user);
			this.identity.createMembership("oversupervisor2", Groups.SUPERVISORS);
		}
	}

	@AfterEach
	void peopleLeave() {
		// other tests count the supervisors (an unowned case's escalation goes to each)
		this.identity.deleteUser("oversupervisor2");
	}

	Browser signedIn(String user) throws Exception {
		Browser browser = new Browser("http://localhost:" + this.port);
		assertThat(browser.signIn(user, RestJourney.PASSWORD, "/oversight").statusCode()).isEqualTo(302);
		return browser;
	}

	@Test
	void access_anonymousSignsIn_aLiaisonOfficerIsRefused_supervisorsAndManagersSeeTheDashboard() throws Exception {
		assertThat(new Browser("http://localhost:" + this.port).get("/oversight").statusCode()).isEqualTo(302);
		assertThat(new Browser("http://localhost:" + this.port).get("/oversight/overdue.csv").statusCode())
			.isEqualTo(302);
		Browser liaison = signedIn("liaison");
		assertThat(liaison.get("/oversight").statusCode()).isEqualTo(403);
		assertThat(liaison.get("/oversight/overdue.csv").statusCode()).isEqualTo(403);
		assertThat(signedIn("supervisor").get("/oversight").statusCode()).isEqualTo(200);
		assertThat(signedIn("manager").get("/oversight").statusCode()).isEqualTo(200);
	}

	@Test
	void overdueNow_equalsTheEnginesOverdueSteps_withEscalationLevelAndLinks() throws Exception {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String instance = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		// identified on 20 Nov: immediate safeguarding (2 hours) is more than a working
		// day overdue; the sweep tells the supervisors and then the managers (level 2)
		this.escalation.sweep(instance);
		Task immediate = openTask(instance, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		assertThat(this.tasks.getVariableLocal(immediate.getId(), OverdueEscalation.ESCALATION_LEVEL)).isEqualTo(2);
		Task crime = openTask(instance, UserTasks.RECORD_CRIME);

		Browser manager = signedIn("manager");
		String page = manager.get("/oversight").body();
		// the engine's overdue steps of the cases on record (other tests of the shared
		// application also start bare process instances positioned at a step, which no
		// case record points to)
		java.util.Set<String> onRecord = new java.util.HashSet<>(this.jdbc
			.queryForList("SELECT process_instance_id FROM victim_case WHERE status = 'OPEN'", String.class));
		long overdueInEngine = this.tasks.createTaskQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.dueBefore(ClockUtil.getCurrentTime())
			.list()
			.stream()
			.filter((task) -> onRecord.contains(task.getProcessInstanceId()))
			.count();
		assertThat(figure(page, "figure-overdue")).isEqualTo(overdueInEngine);
		assertThat(figure(page, "figure-open"))
			.isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM victim_case WHERE status = 'OPEN'", Long.class));

		String row = row(page, immediate.getId());
		assertThat(row).contains(reference, "Record immediate safeguarding", "Cardiff", "Level 2: managers told",
				"href=\"/cases/" + reference + "\"",
				"href=\"/camunda/app/tasklist/default/#/?task=" + immediate.getId() + "\"");
		if (crime.getDueDate().before(ClockUtil.getCurrentTime())) {
			assertThat(row(page, crime.getId())).contains("Record crime");
		}
		// the CSV joins the level where the page looks it up per row: the same answer
		String[] csvRow = manager.get("/oversight/overdue.csv", "text/csv")
			.body()
			.lines()
			.filter((line) -> line.endsWith("?task=" + immediate.getId()))
			.findFirst()
			.orElseThrow()
			.split(",");
		assertThat(csvRow[csvRow.length - 2]).as("the CSV's escalation level").isEqualTo("2");
	}

	@Test
	void supervisor_seesTheirCasesAndUnownedOnes_notAnotherSupervisorsCase() throws Exception {
		Map<String, Object> owned = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String ownedInstance = (String) owned.get("id");
		// the first supervisor to act holds the case
		this.as.completeStep("supervisor", ownedInstance, UserTasks.ALLOCATE_INVESTIGATOR,
				JourneyFixtures.answers(UserTasks.ALLOCATE_INVESTIGATOR));
		Map<String, Object> unowned = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String ownedStep = openTask(ownedInstance, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING).getId();
		String unownedStep = openTask((String) unowned.get("id"), UserTasks.RECORD_IMMEDIATE_SAFEGUARDING).getId();

		String theirs = signedIn("supervisor").get("/oversight").body();
		assertThat(taskIds(theirs)).contains(ownedStep, unownedStep);
		String other = signedIn("oversupervisor2").get("/oversight").body();
		assertThat(taskIds(other)).contains(unownedStep).doesNotContain(ownedStep);
		assertThat(other).doesNotContain((String) owned.get("businessKey"));
		// and a supervisor's own figures count only what they may see
		long visible = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM victim_case WHERE status = 'OPEN' AND (supervisor = 'oversupervisor2' OR supervisor IS NULL)",
				Long.class);
		assertThat(figure(other, "figure-open")).isEqualTo(visible);
	}

	@Test
	void csv_holdsExactlyTheRowsThePageShows() throws Exception {
		this.as.start("officer", JourneyFixtures.adultReport());
		Browser manager = signedIn("manager");
		for (String filters : List.of("", "?area=W06000015", "?step=" + UserTasks.RECORD_CRIME, "?pathway=CHILD")) {
			String page = manager.get("/oversight" + filters).body();
			HttpResponse<String> csv = manager.get("/oversight/overdue.csv" + filters, "text/csv");
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
			List<String> lines = csv.body().lines().toList();
			assertThat(lines.get(0)).startsWith("Case reference,Step,");
			List<String> csvRows = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(",");
				csvRows.add(
						cells[cells.length - 1].replace("/camunda/app/tasklist/default/#/?task=", "") + " " + cells[0]);
			}
			List<String> pageRows = new ArrayList<>();
			Matcher matcher = OVERDUE_ROW.matcher(page);
			while (matcher.find()) {
				pageRows.add(matcher.group(1) + " " + matcher.group(2));
			}
			assertThat(csvRows).as("CSV rows for '%s'", filters).isEqualTo(pageRows);
			if (filters.isEmpty()) {
				assertThat(pageRows).isNotEmpty();
			}
		}
	}

	@Test
	void filters_narrowEveryRow_andABadValueIsRefusedSayingWhich() throws Exception {
		this.as.start("officer", JourneyFixtures.adultReport());
		Browser manager = signedIn("manager");
		String crime = manager.get("/oversight?step=" + UserTasks.RECORD_CRIME).body();
		long crimeOverdue = this.tasks.createTaskQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.taskDefinitionKey(UserTasks.RECORD_CRIME)
			.dueBefore(ClockUtil.getCurrentTime())
			.count();
		assertThat(figure(crime, "figure-overdue")).isEqualTo(crimeOverdue);
		for (String id : taskIds(crime)) {
			assertThat(this.tasks.createTaskQuery().taskId(id).singleResult().getTaskDefinitionKey())
				.isEqualTo(UserTasks.RECORD_CRIME);
		}
		assertThat(crime).contains("value=\"" + UserTasks.RECORD_CRIME + "\" selected");

		// another area: exactly the engine's overdue steps of that area's cases (other
		// tests of the shared application may have cases there)
		String other = manager.get("/oversight?area=E06000001").body();
		long otherOverdue = this.tasks.createTaskQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.dueBefore(ClockUtil.getCurrentTime())
			.processVariableValueEquals("areaCode", "E06000001")
			.count();
		assertThat(figure(other, "figure-overdue")).isEqualTo(otherOverdue);
		if (otherOverdue == 0) {
			assertThat(other).contains("No step is overdue.");
		}

		HttpResponse<String> bad = manager.get("/oversight?area=Cardiff");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Choose an area from the list").doesNotContain("Whitelabel");
		assertThat(manager.get("/oversight/overdue.csv?period=12", "text/csv").statusCode()).isEqualTo(400);
	}

	@Test
	void casesAtRisk_andClocks_followTheCaseRecord() throws Exception {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("immediateRisk", true);
		String before = signedIn("manager").get("/oversight").body();
		long withoutConsentBefore = figureIn(section(before, "risk-adult-no-consent"));
		long immediateRiskBefore = figureIn(section(before, "risk-immediate-risk"));
		Map<String, Object> started = this.as.start("officer", report).getBody();
		String reference = (String) started.get("businessKey");
		String page = signedIn("manager").get("/oversight").body();
		if (immediateRiskBefore < 20) {
			assertThat(section(page, "risk-immediate-risk")).contains(reference);
		}
		assertThat(figureIn(section(page, "risk-immediate-risk"))).as("immediate risk, safeguarding not recorded")
			.isEqualTo(immediateRiskBefore + 1);
		// the list shows the 20 oldest (the shared application holds many such cases by
		// now); the count shows the new one is among them
		assertThat(figureIn(section(page, "risk-adult-no-consent")))
			.as("adults with no consent decision, after one more")
			.isEqualTo(withoutConsentBefore + 1);
		assertThat(section(page, "risk-child-no-nrm")).doesNotContain(reference);
		assertThat(figureIn(section(page, "risk-adult-no-consent"))).isEqualTo(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM victim_case c WHERE c.status = 'OPEN' AND c.pathway = 'ADULT' AND NOT EXISTS "
						+ "(SELECT 1 FROM consent_record r WHERE r.case_id = c.id AND r.outcome IN ('GIVEN', 'DECLINED'))",
				Long.class));
	}

	@Test
	void trends_countTheStepsCompletedInThePeriod() throws Exception {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		this.as.completeStep("officer", (String) started.get("id"), UserTasks.RECORD_CRIME,
				JourneyFixtures.answers(UserTasks.RECORD_CRIME));
		Date from = Date.from(ClockUtil.getCurrentTime().toInstant().minus(7, ChronoUnit.DAYS));
		long completed = countCompleted(UserTasks.RECORD_CRIME, from);
		String page = signedIn("manager").get("/oversight?period=7").body();
		String row = section(page, "step-times");
		Matcher crime = Pattern.compile("Record crime</td>\\s*<td[^>]*>(\\d+)</td>").matcher(row);
		assertThat(crime.find()).as("a Record crime row in the step times").isTrue();
		assertThat(Long.parseLong(crime.group(1))).isEqualTo(completed).isPositive();
		assertThat(page).contains("<svg class=\"app-chart\"", "role=\"img\"", "id=\"open-by-step-table\"");
	}

	@Test
	void completedStepFigures_showAStepCompletedOnThisNodeAtOnce_andOneRecordedElsewhereWithinAMinute()
			throws Exception {
		Browser manager = signedIn("manager");
		long before = completedCrimes(manager.get("/oversight?period=7").body());
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		this.as.completeStep("officer", (String) started.get("id"), UserTasks.RECORD_CRIME,
				JourneyFixtures.answers(UserTasks.RECORD_CRIME));
		// recorded on this node: the figures read a moment ago are forgotten
		assertThat(completedCrimes(manager.get("/oversight?period=7").body())).isEqualTo(before + 1);

		// recorded by another node (straight into the table, which this node's cache does
		// not hear of): shown once the figures are a minute old by the journey's clock,
		// and the page says when they were read
		Instant now = now();
		StepOutcome elsewhere = this.outcomeRecords.save(new StepOutcome("MSHT-2026-999999", UserTasks.RECORD_CRIME,
				"E08000025", "ADULT", null, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS), now));
		try {
			String cached = manager.get("/oversight?period=7").body();
			assertThat(completedCrimes(cached)).isEqualTo(before + 1);
			assertThat(section(cached, "trends-as-of")).containsPattern("as at \\d{2}:\\d{2}");
			ClockUtil.setCurrentTime(Date.from(now.plus(StepOutcomes.FRESH).plusSeconds(1)));
			assertThat(completedCrimes(manager.get("/oversight?period=7").body())).isEqualTo(before + 2);
		}
		finally {
			ClockUtil.reset();
			this.outcomeRecords.delete(elsewhere);
			// read again without it (figures read "after" now are never kept)
			manager.get("/oversight?period=7");
		}
	}

	@Test
	void childrenReferredToIctg_equalTheReferralsStored_andANewOneOnThisNodeShowsAtOnce() throws Exception {
		Browser manager = signedIn("manager");
		// read (and kept for a minute) before the child's referral
		long before = referredToIctg(manager.get("/oversight?period=7").body());
		String reference = (String) this.as.start("officer", JourneyFixtures.childReport())
			.getBody()
			.get("businessKey");
		// the referral is the engine's job after the start: wait for its notice
		Instant deadline = Instant.now().plusSeconds(30);
		while (this.jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE case_reference = ? AND audience = ?",
				Long.class, reference, VisibleCases.ICTG_AUDIENCE) == 0) {
			assertThat(Instant.now()).as("the ICTG referral of " + reference + " is stored").isBefore(deadline);
			Thread.sleep(100);
		}
		long stored = ictgReferralsInTheLastWeek();
		long shown = referredToIctg(manager.get("/oversight?period=7").body());
		assertThat(shown)
			.as("the children with an ICTG referral stored in the last 7 days, " + reference + " among them")
			.isGreaterThan(before)
			.isBetween(stored, ictgReferralsInTheLastWeek());
		// an area with no ICTG referral in the period counts none
		assertThat(referredToIctg(manager.get("/oversight?period=7&area=E06000001").body())).isZero();
	}

	private long ictgReferralsInTheLastWeek() {
		Date from = Date.from(now().minus(7, ChronoUnit.DAYS));
		return this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT case_reference) FROM notification "
						+ "WHERE audience = ? AND created_at >= ? AND created_at < ?",
				Long.class, VisibleCases.ICTG_AUDIENCE, from, Date.from(now()));
	}

	private static long referredToIctg(String page) {
		Matcher count = Pattern.compile("id=\"ictg-referrals\">[^<]*<strong>(\\d+)</strong>").matcher(page);
		assertThat(count.find()).as("the count of children referred to the ICTG service").isTrue();
		return Long.parseLong(count.group(1));
	}

	private static long completedCrimes(String page) {
		Matcher crime = Pattern.compile("Record crime</td>\\s*<td[^>]*>(\\d+)</td>")
			.matcher(section(page, "step-times"));
		return crime.find() ? Long.parseLong(crime.group(1)) : 0;
	}

	private long countCompleted(String step, Date from) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_ "
						+ "WHERE t.TASK_DEF_KEY_ = ? AND t.END_TIME_ >= ? AND t.DELETE_REASON_ = 'completed'",
				Long.class, step, from);
	}

	private Task openTask(String instance, String step) {
		return this.tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).singleResult();
	}

	private static List<String> taskIds(String page) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = OVERDUE_ROW.matcher(page);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private static String row(String page, String taskId) {
		int start = page.indexOf("data-task=\"" + taskId + "\"");
		assertThat(start).as("a row for task " + taskId).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("a section " + id).isPositive();
		int end = page.indexOf("</table>", start);
		int card = page.indexOf("govuk-summary-card\"", start + 1);
		if (card > 0 && (end < 0 || card < end)) {
			end = card;
		}
		return page.substring(start, (end > 0) ? end : page.length());
	}

	private static long figure(String page, String id) {
		Matcher matcher = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
		assertThat(matcher.find()).as("figure " + id).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static long figureIn(String section) {
		Matcher matcher = Pattern.compile("app-risk-count\">(\\d+)<").matcher(section);
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
