package uk.safeguarding.workflow.victimcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.victimcase.AccessLogEntry;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.ConsentOutcome;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.web.ProductPagesTest;

/**
 * The case page ({@code GET /cases/{reference}}) and its actions, as the people of a case
 * meet them in the running application: who sees it, what it shows against the case
 * record, every view in the access log, and each action as a journey through the engine.
 */
@SharedApplicationTest
class CasePageTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	VictimCaseService cases;

	@Autowired
	TaskService taskService;

	RestJourney as;

	@BeforeEach
	void journeys() {
		this.as = new RestJourney(this.rest);
	}

	ProductPagesTest.Browser signedIn(String user, String reference) throws Exception {
		ProductPagesTest.Browser browser = new ProductPagesTest.Browser("http://localhost:" + this.port);
		browser.signIn(user, RestJourney.PASSWORD, "/cases/" + reference);
		return browser;
	}

	String[] start(Map<String, Object> report) {
		Map<String, Object> started = this.as.start("officer", report).getBody();
		return new String[] { (String) started.get("id"), (String) started.get("businessKey") };
	}

	HttpResponse<String> post(ProductPagesTest.Browser browser, String reference, String action, String form)
			throws Exception {
		String token = browser.formToken("/cases/" + reference);
		return browser.post("/cases/" + reference + "/" + action,
				"formToken=" + token + (form.isEmpty() ? "" : "&" + form));
	}

	List<String> openSteps(String processInstanceId) {
		return this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.toList();
	}

	@Test
	void casePage_showsTheRecordToItsPeople_404ToOthers_andLogsEveryView() throws Exception {
		String[] started = start(JourneyFixtures.adultReport());
		String reference = started[1];
		VictimCase record = this.cases.find(reference).orElseThrow();

		HttpResponse<String> officer = signedIn("officer", reference).get("/cases/" + reference);
		assertThat(officer.statusCode()).isEqualTo(200);
		assertThat(officer.body())
			.contains(reference, "Adult", "Cardiff (W06000015)", "Labour, Criminal", JourneyFixtures.DISTINCTIVE_NAME,
					"Record immediate safeguarding", "/camunda/app/tasklist/default/#/?task=",
					"Potential victim reported in Cardiff (W06000015)", "NRM referral - case " + reference,
					"Not recorded yet: an adult is referred only with informed consent.")
			.doesNotContain("Access log", "LABOUR", "informed consent recorded");
		assertThat(officer.body()).as("the reporting officer is on the case").contains(record.getReportingOfficer());

		HttpResponse<String> stranger = signedIn("investigator", reference).get("/cases/" + reference);
		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(stranger.body()).doesNotContain(reference, JourneyFixtures.DISTINCTIVE_NAME);
		assertThat(signedIn("investigator", reference).get("/cases/MSHT-1999-000001").statusCode()).isEqualTo(404);

		HttpResponse<String> manager = signedIn("manager", reference).get("/cases/" + reference);
		assertThat(manager.statusCode()).isEqualTo(200);
		assertThat(manager.body()).contains(reference, "Access log", "Case page")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME, "NRM referral - case");

		HttpResponse<String> breakGlass = signedIn("admin", reference).get("/cases/" + reference);
		assertThat(breakGlass.statusCode()).isEqualTo(200);
		assertThat(breakGlass.body()).contains(JourneyFixtures.DISTINCTIVE_NAME);

		List<AccessLogEntry> views = this.cases.accessLog(reference)
			.stream()
			.filter((entry) -> "Case page".equals(entry.getPurpose()))
			.toList();
		assertThat(views).extracting(AccessLogEntry::getUserId).containsExactly("officer", "manager", "admin");
		assertThat(views).allSatisfy((entry) -> assertThat(entry.getOperation()).hasToString("CONSULTATION"));
	}

	@Test
	void missingThenFound_closesTheEpisodeAndGivesAChildAReturnInterview() throws Exception {
		String[] started = start(JourneyFixtures.childReport());
		String reference = started[1];
		ProductPagesTest.Browser officer = signedIn("officer", reference);

		HttpResponse<String> missing = post(officer, reference, "missing", "");
		assertThat(missing.statusCode()).isEqualTo(302);
		assertThat(missing.headers().firstValue("Location").orElseThrow())
			.endsWith("/cases/" + reference + "?done=missing");
		assertThat(openSteps(started[0])).contains(UserTasks.RESPOND_TO_MISSING_VICTIM);
		assertThat(officer.get("/cases/" + reference).body()).contains("Missing now", "Still missing",
				"Victim reported missing (episode 1)");

		HttpResponse<String> again = post(officer, reference, "missing", "");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("There is a problem", "already reported missing");

		assertThat(post(officer, reference, "found", "").statusCode()).isEqualTo(302);
		assertThat(openSteps(started[0])).contains(UserTasks.CONDUCT_RETURN_INTERVIEW);
		String page = officer.get("/cases/" + reference).body();
		assertThat(page).contains("Victim found: missing episode 1 closed", "Conduct return interview")
			.doesNotContain("Missing now", "Still missing");
		assertThat(this.cases.missingEpisodes(reference)).singleElement()
			.satisfies((episode) -> assertThat(episode.getFoundBy()).isEqualTo("officer"));

		HttpResponse<String> foundAgain = post(officer, reference, "found", "");
		assertThat(foundAgain.statusCode()).isEqualTo(400);
		assertThat(foundAgain.body()).contains("There is a problem", "No missing episode is open");
	}

	@Test
	void consentWithdrawnBeforeSubmission_stopsTheReferralAndLeadsToTheDutyToNotify() throws Exception {
		String[] started = start(JourneyFixtures.adultReport());
		String id = started[0];
		String reference = started[1];
		this.as.completeStep("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON,
				JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON));
		this.as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
		this.as.completeStep("liaison", id, UserTasks.SEEK_INFORMED_CONSENT,
				JourneyFixtures.answers(UserTasks.SEEK_INFORMED_CONSENT));
		assertThat(openSteps(id)).contains(UserTasks.SUBMIT_NRM_REFERRAL);
		ProductPagesTest.Browser liaison = signedIn("liaison", reference);

		HttpResponse<String> unconfirmed = post(liaison, reference, "consent-withdrawn", "");
		assertThat(unconfirmed.statusCode()).isEqualTo(400);
		assertThat(unconfirmed.body()).contains("There is a problem", "Confirm that the person has withdrawn",
				"href=\"#confirmWithdrawal\"");
		assertThat(openSteps(id)).contains(UserTasks.SUBMIT_NRM_REFERRAL);

		assertThat(post(liaison, reference, "consent-withdrawn", "confirmWithdrawal=yes").statusCode()).isEqualTo(302);
		assertThat(openSteps(id)).doesNotContain(UserTasks.SUBMIT_NRM_REFERRAL)
			.contains(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		assertThat(this.cases.latestNrmConsent(reference)).contains(ConsentOutcome.WITHDRAWN);
		String page = liaison.get("/cases/" + reference).body();
		assertThat(page).contains("Withdrawn", "Consent withdrawn before the NRM referral was submitted",
				"Why anonymous: the adult withdrew consent to an NRM referral");
		String dutyToNotify = page.substring(page.indexOf("id=\"dtn-summary\""),
				page.indexOf("</pre>", page.indexOf("id=\"dtn-summary\"")));
		assertThat(dutyToNotify).doesNotContain(JourneyFixtures.DISTINCTIVE_NAME, "1990", "car wash", "LABOUR")
			.contains("labour exploitation");

		HttpResponse<String> twice = post(liaison, reference, "consent-withdrawn", "confirmWithdrawal=yes");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("nothing to withdraw");
	}

	@Test
	void consentWithdrawnAfterSubmission_isRecordedAndTheCompetentAuthorityIsToBeTold() throws Exception {
		String[] started = start(JourneyFixtures.adultReport());
		String id = started[0];
		String reference = started[1];
		this.as.completeStep("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON,
				JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON));
		this.as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
		this.as.completeStep("liaison", id, UserTasks.SEEK_INFORMED_CONSENT,
				JourneyFixtures.answers(UserTasks.SEEK_INFORMED_CONSENT));
		this.as.completeStep("officer", id, UserTasks.SUBMIT_NRM_REFERRAL,
				JourneyFixtures.answers(UserTasks.SUBMIT_NRM_REFERRAL));

		assertThat(post(signedIn("officer", reference), reference, "consent-withdrawn", "confirmWithdrawal=yes")
			.statusCode()).isEqualTo(302);

		assertThat(openSteps(id))
			.contains(UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.doesNotContain(UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		assertThat(this.cases.latestNrmConsent(reference)).contains(ConsentOutcome.WITHDRAWN);
	}

	@Test
	void anotherAgencysReferral_andLinkedCases_showOnEachCasePage() throws Exception {
		Map<String, Object> passed = JourneyFixtures.adultReport();
		passed.put("howCameToNotice", "COMPETENT_AUTHORITY");
		passed.put("existingNrmReference", "NRM-445500");
		String[] first = start(passed);
		this.as.completeStep("supervisor", first[0], UserTasks.DEPLOY_VICTIM_LIAISON,
				JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON));
		this.as.completeStep("officer", first[0], UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
		assertThat(openSteps(first[0])).contains(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.doesNotContain(UserTasks.SEEK_INFORMED_CONSENT, UserTasks.SUBMIT_NRM_REFERRAL);
		String[] second = start(JourneyFixtures.childReport());
		ProductPagesTest.Browser officer = signedIn("officer", first[1]);

		HttpResponse<String> bad = post(officer, first[1], "operation", "operationReference=%3Cscript%3E");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("There is a problem", "Enter the operation reference as 3 to 30",
				"govuk-input--error");
		assertThat(post(officer, first[1], "operation", "operationReference=op-kestrel-24").statusCode())
			.isEqualTo(302);
		assertThat(post(officer, second[1], "operation", "operationReference=OP-KESTREL-24").statusCode())
			.isEqualTo(302);

		String firstPage = officer.get("/cases/" + first[1]).body();
		assertThat(firstPage).contains("NRM-445500", "Already referred to the NRM by another agency",
				"Operation <strong>OP-KESTREL-24</strong>", "/cases/" + second[1]);
		assertThat(officer.get("/cases/" + second[1]).body()).contains("/cases/" + first[1]);

		HttpResponse<String> list = officer.get("/cases");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("My cases", first[1], second[1])
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		HttpResponse<String> search = officer.get("/cases?reference=" + first[1].toLowerCase());
		assertThat(search.statusCode()).isEqualTo(302);
		assertThat(search.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + first[1]);
		HttpResponse<String> notTheirs = signedIn("investigator", first[1]).get("/cases?reference=" + first[1]);
		assertThat(notTheirs.statusCode()).isEqualTo(200);
		assertThat(notTheirs.body()).contains("No case " + first[1] + " that you can see");
	}

}
