package uk.safeguarding.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.Chromium;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.Tasklist;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * The adult journey of spec section 2 as its users work it, in headless Chromium through
 * Tasklist and the Camunda Forms alone: the officer reports a potential victim and
 * records the first steps, the supervisor allocates and deploys, the liaison officer
 * assesses needs and seeks informed consent, the officer records the NRM referral and the
 * Home Office decisions, the supervisor closes the case. Runs only where Debian's
 * {@code chromium} and {@code chromium-driver} are installed.
 *
 * <p>
 * A failure leaves a screenshot and the page's HTML in {@code target/browser/}. With
 * {@code -Ddocs.screenshots=true} the run also refreshes the README's pictures in
 * {@code docs/images/}.
 */
// its own case list, in an application context of its own, run first and closed after it:
// the
// webapps find their engine by name ("default") in a JVM-wide registry that only one live
// application may hold
@org.junit.jupiter.api.Order(1)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
				"SAFEGUARDING_DEMO_PASSWORD=" + RestJourney.PASSWORD, "spring.mail.host=127.0.0.1",
				"spring.mail.port=3025", "safeguarding.local-mail.enabled=false" })
public class TasklistJourneyBrowserTest {

	static final String PASSWORD = RestJourney.PASSWORD;

	static final Path OUTPUT = Path.of("target", "browser");

	public static final Path DOC_IMAGES = Path.of("docs", "images");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final String MY_TASKS = "My tasks";

	static final String MY_TEAMS_TASKS = "My team's tasks";

	/** The mail catcher the application sends to (spring.mail.port=3025). */
	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	@RegisterExtension
	TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
		if (this.tasklist != null) {
			String name = context.getRequiredTestMethod().getName() + "-failure";
			try {
				this.tasklist.screenshot(OUTPUT.resolve(name + ".png"));
				this.tasklist.pageSource(OUTPUT.resolve(name + ".html"));
				failure.addSuppressed(new AssertionError("Browser state saved to " + OUTPUT.resolve(name + ".png")
						+ " and .html; form errors shown: " + this.tasklist.validationErrors()));
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}
		throw failure;
	};

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	WebDriver driver;

	Chromium chromium;

	Tasklist tasklist;

	/** How long each part of the journey took, printed at the end. */
	final StringBuilder timings = new StringBuilder();

	long lap = System.nanoTime();

	@BeforeAll
	static void requireChromium() {
		Chromium.require();
	}

	@BeforeEach
	void startBrowser() throws IOException {
		lap("application started");
		this.chromium = Chromium.start();
		this.driver = this.chromium.driver();
		this.tasklist = new Tasklist(this.driver, "http://localhost:" + this.port);
		lap("browser started");
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.chromium != null) {
			this.chromium.close();
		}
		System.out.println("Browser journey timings (s):" + this.timings);
	}

	private void lap(String part) {
		long now = System.nanoTime();
		this.timings.append(String.format("%n  %5.1f  %s", (now - this.lap) / 1e9, part));
		this.lap = now;
	}

	@Test
	void adultJourneyThroughTasklist() throws Exception {
		Tasklist ui = this.tasklist;
		LocalDateTime identified = LocalDateTime.now(LONDON).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
		LocalDateTime recent = LocalDateTime.now(LONDON).minusHours(1).truncatedTo(ChronoUnit.MINUTES);

		// 1. the officer reports a potential victim from Tasklist's "Start process"
		ui.login("officer", PASSWORD);
		lap("officer logged in");
		ui.startProcess("Victim safeguarding");
		ui.select("howCameToNotice", "Found by police");
		ui.dateTime("identifiedAt", identified.toLocalDate(), identified.toLocalTime());
		ui.search("areaCode", "Cardiff");
		ui.text("victimName", "Browser Test Person");
		ui.date("dateOfBirth", LocalDate.of(1990, 5, 14));
		ui.radio("ageUncertain", "No");
		ui.radio("gender", "Male");
		ui.search("nationality", "Romania");
		ui.radio("immediateRisk", "No");
		ui.radio("careAndSupportNeeds", "No");
		ui.checklist("exploitationTypes", "Labour exploitation");
		ui.checklist("indicatorsSeen", "Movement restricted or controlled");
		ui.radio("exploitationLocation", "In the UK");
		ui.text("exploitationPlace", "W06000015");
		ui.select("exploitationPeriod", "6 to 12 months");
		ui.text("circumstancesNotes", "Found working at a car wash; documents held by the employer.");
		assertThat(ui.validationErrors()).isEmpty();
		ui.scrollDialogToTop();
		docScreenshot("start-form.png");
		ui.submitStartForm();

		lap("start form filled and submitted");
		HistoricProcessInstance journey = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.startedBy("officer")
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		assertThat(journey).as("the case the officer reported").isNotNull();
		String caseReference = journey.getBusinessKey();
		assertThat(caseReference).matches("MSHT-\\d{4}-\\d{6}");

		// 2. the officer's first steps, in "My tasks"; the form shows the case reference
		ui.openTask(MY_TASKS, "Record immediate safeguarding");
		assertThat(ui.formText()).contains(caseReference);
		ui.radio("placeOfSafetyArranged", "Yes");
		ui.text("placeOfSafetyAddress", "Refuge, 1 Example Street, Cardiff");
		ui.radio("separatedFromControllers", "Yes");
		ui.radio("furtherVictimsChecked", "Yes");
		ui.radio("interpreterArranged", "No interpreter is needed");
		ui.complete("Record immediate safeguarding");

		ui.openTask(MY_TASKS, "Record crime");
		ui.text("crimeReference", "62/12345/26");
		ui.dateTime("crimeRecordedAt", recent.toLocalDate(), recent.toLocalTime());
		ui.complete("Record crime");
		ui.logout();

		lap("officer: immediate safeguarding, crime");
		// before anyone is deployed to the case, a liaison officer sees none of it: not
		// its liaison steps (group membership alone opens no case), never a supervisor's
		ui.login("liaison", PASSWORD);
		ui.openFilter(MY_TEAMS_TASKS);
		ui.waitUntilNotListed("Seek informed consent");
		assertThat(ui.listedTasks()).doesNotContain("Assess victim needs", "Allocate investigator",
				"Deploy victim liaison", "Agree victim strategy");
		ui.openFilter(MY_TASKS);
		ui.waitUntilNotListed("Seek informed consent");
		assertThat(ui.listedTasks()).doesNotContain("Assess victim needs", "Allocate investigator",
				"Deploy victim liaison", "Agree victim strategy");
		ui.logout();

		lap("liaison: sees nothing of a case not deployed to");
		// 3. the supervisor claims and completes the team's tasks
		ui.login("supervisor", PASSWORD);
		ui.openTask(MY_TEAMS_TASKS, "Allocate investigator");
		ui.claimIfNeeded();
		// only a PIP2+ investigator is offered, picked by name (the server still refuses
		// anyone else: VictimSafeguardingProcessTest)
		assertThat(ui.options("investigator")).containsExactly("Ira Investigator (investigator)");
		ui.search("investigator", "Ira Investigator (investigator)");
		ui.complete("Allocate investigator");

		ui.openTask(MY_TEAMS_TASKS, "Deploy victim liaison");
		ui.claimIfNeeded();
		ui.radio("liaisonRole", "Modern slavery victim liaison officer (MSVLO)");
		assertThat(ui.options("liaisonOfficer"))
			.contains("Liam Liaison (liaison), victim liaison (MSVLO)", "Olivia Officer (officer), police (SPOC)")
			.doesNotContain("Ira Investigator (investigator)", "Sam Supervisor (supervisor)");
		ui.openOptions("liaisonOfficer");
		this.tasklist.screenshot(OUTPUT.resolve("deploy-victim-liaison-picker.png"));
		ui.search("liaisonOfficer", "Liam Liaison (liaison), victim liaison (MSVLO)");
		ui.complete("Deploy victim liaison");

		ui.openTask(MY_TEAMS_TASKS, "Agree victim strategy");
		ui.claimIfNeeded();
		ui.checkbox("safeguardingPlanAgreed", true);
		ui.checkbox("contactPlanAgreed", true);
		ui.number("contactFrequencyDays", 7);
		ui.radio("specialMeasuresConsidered", "Yes");
		ui.dateTime("strategyAgreedAt", recent.toLocalDate(), recent.toLocalTime());
		ui.complete("Agree victim strategy");
		ui.logout();

		lap("supervisor: allocate, deploy, strategy");
		// 4. the deployed liaison officer: needs assessment, informed consent
		ui.login("liaison", PASSWORD);
		ui.openTask(MY_TASKS, "Assess victim needs");
		ui.checkbox("needsAssessmentCompleted", true);
		ui.radio("referredToSupportServices", "Yes");
		ui.text("supportServices", "Victim care contract support provider");
		ui.complete("Assess victim needs");

		ui.openTask(MY_TASKS, "Seek informed consent");
		for (String item : List.of("nrmExplained", "supportExplained", "outcomesExplained",
				"informationSharingExplained", "withdrawalExplained", "capacityConsidered", "consentToPoliceContact",
				"consentToVictimCareSupport")) {
			ui.checkbox(item, true);
		}
		ui.radio("nrmConsent", "Consent given: the person agrees to an NRM referral");
		assertThat(ui.validationErrors()).isEmpty();
		ui.dismissNotifications();
		ui.scrollToField("nrmExplained");
		docScreenshot("consent-form.png");
		ui.complete("Seek informed consent");
		ui.logout();

		lap("liaison: needs, consent");
		// 5. the officer records the referral and the Home Office decisions
		ui.login("officer", PASSWORD);
		ui.openTask(MY_TEAMS_TASKS, "Submit NRM referral");
		ui.claimIfNeeded();
		ui.text("nrmReference", "NRM-2026-0042");
		ui.dateTime("nrmSubmittedAt", recent.toLocalDate(), recent.toLocalTime());
		ui.radio("nrmSubmittedByAgency", "Police");
		ui.complete("Submit NRM referral");

		ui.openTask(MY_TEAMS_TASKS, "Record reasonable grounds decision");
		ui.claimIfNeeded();
		ui.radio("reasonableGroundsDecision", "Positive: reasonable grounds to believe the person is a victim");
		ui.date("reasonableGroundsDecisionDate", LocalDate.now(LONDON).minusDays(40));
		ui.radio("competentAuthority", "Single Competent Authority (SCA)");
		ui.complete("Record reasonable grounds decision");

		ui.openTask(MY_TEAMS_TASKS, "Record conclusive grounds decision");
		ui.claimIfNeeded();
		ui.radio("conclusiveGroundsDecision", "Positive: the person is a victim of modern slavery");
		ui.date("conclusiveGroundsDecisionDate", LocalDate.now(LONDON));
		ui.complete("Record conclusive grounds decision");
		ui.logout();

		lap("officer: NRM referral, RG, CG decisions");
		// 6. the supervisor closes the case
		ui.login("supervisor", PASSWORD);
		ui.openTask(MY_TEAMS_TASKS, "Review case closure");
		ui.claimIfNeeded();
		ui.radio("closeCase", "Yes");
		ui.radio("closureReason", "Conclusive grounds decision received");
		ui.complete("Review case closure");

		lap("supervisor: case closure");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(journey.getId()).count())
			.as("the case is no longer running")
			.isZero();
		List<String> endEvents = this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(journey.getId())
			.activityType("noneEndEvent")
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
		List<String> terminated = this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(journey.getId())
			.activityId(VictimSafeguardingProcess.Events.CASE_CLOSED)
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
		assertThat(terminated).as("ended at the case-closed end event (other ends: %s)", endEvents)
			.containsExactly(VictimSafeguardingProcess.Events.CASE_CLOSED);
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(journey.getId())
			.singleResult()
			.getEndActivityId()).isEqualTo(VictimSafeguardingProcess.Events.CASE_CLOSED);

		// the area's hub was told, without identifying data (adult, no care needs)
		MimeMessage mash = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> Arrays.stream(greenMail.getReceivedMessages())
				.filter((message) -> subject(message).contains(caseReference)
						&& recipients(message).contains("mash@cardiff"))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
		assertThat(Arrays.toString(mash.getAllRecipients())).contains("mash@cardiff.example.gov.uk");
		assertThat(GreenMailUtil.getBody(mash)).doesNotContain("Browser Test Person");
		lap("engine and mail checked");
	}

	private void docScreenshot(String name) throws IOException {
		this.tasklist.screenshot(OUTPUT.resolve(name));
		if (Boolean.getBoolean("docs.screenshots")) {
			Files.createDirectories(DOC_IMAGES);
			Files.copy(OUTPUT.resolve(name), DOC_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return GreenMailUtil.getAddressList(message.getAllRecipients());
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
