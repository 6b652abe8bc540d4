package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Whole journeys through the running application: engine REST with HTTP Basic as the demo
 * users, the real case record, and a real SMTP conversation with GreenMail.
 */
@SharedApplicationTest
class JourneyApplicationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	DataSource dataSource;

	RestJourney journey() {
		return new RestJourney(this.rest);
	}

	@Test
	void adultWhoConsents_isTakenFromReportToClosure_withNoticesCaseRecordAndChronology() throws Exception {
		RestJourney as = journey();
		ResponseEntity<Map<String, Object>> started = as.start("officer", JourneyFixtures.adultReport());
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		String id = (String) started.getBody().get("id");
		String reference = (String) started.getBody().get("businessKey");
		assertThat(reference).matches("MSHT-\\d{4}-\\d{6}");
		assertThat(as.get("officer", "/engine-rest/process-instance/" + id).getBody()).containsEntry("businessKey",
				reference);

		runJobs(id);
		MimeMessage notice = awaitMessage("mash@cardiff.example.gov.uk", reference);
		assertThat(notice.getSubject()).startsWith("[Routine] Safeguarding notice " + reference);
		String body = GreenMailUtil.getBody(notice);
		assertThat(body).contains(reference, "Cardiff", "no identifying data")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME, "1990-04-12", "Hidden Lane");

		as.completeStep("officer", id, UserTasks.RECORD_CRIME, JourneyFixtures.answers(UserTasks.RECORD_CRIME));
		as.completeStep("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR,
				JourneyFixtures.answers(UserTasks.ALLOCATE_INVESTIGATOR));
		as.completeStep("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON,
				JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON));
		as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
		as.completeStep("liaison", id, UserTasks.ASSESS_VICTIM_NEEDS,
				JourneyFixtures.answers(UserTasks.ASSESS_VICTIM_NEEDS));
		as.completeStep("supervisor", id, UserTasks.AGREE_VICTIM_STRATEGY,
				JourneyFixtures.answers(UserTasks.AGREE_VICTIM_STRATEGY));
		as.completeStep("liaison", id, UserTasks.SEEK_INFORMED_CONSENT,
				JourneyFixtures.answers(UserTasks.SEEK_INFORMED_CONSENT));
		as.completeStep("officer", id, UserTasks.SUBMIT_NRM_REFERRAL,
				JourneyFixtures.answers(UserTasks.SUBMIT_NRM_REFERRAL));
		as.completeStep("officer", id, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION,
				JourneyFixtures.answers(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION));
		as.completeStep("officer", id, UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION,
				JourneyFixtures.answers(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION));
		as.completeStep("supervisor", id, UserTasks.REVIEW_CASE_CLOSURE,
				JourneyFixtures.answers(UserTasks.REVIEW_CASE_CLOSURE));

		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.singleResult()
			.getEndActivityId()).isEqualTo("EndEvent_CaseClosed");
		Map<String, Object> record = as.get("supervisor", "/api/cases/" + reference).getBody();
		assertThat(record).containsEntry("status", "CLOSED")
			.containsEntry("pathway", "ADULT")
			.containsEntry("crimeReference", "CR/2026/001234")
			.containsEntry("nrmReference", "NRM-778899")
			.containsEntry("investigator", "investigator")
			.containsEntry("liaisonOfficer", "liaison")
			.containsEntry("reasonableGroundsDecision", "POSITIVE")
			.containsEntry("conclusiveGroundsDecision", "POSITIVE");
		assertThat(record.get("retentionReviewDate")).isNotNull();
		assertThat((List<?>) record.get("consentLedger")).hasSize(1);
		assertThat(steps(record)).contains("StartEvent_PotentialVictimReported", UserTasks.RECORD_CRIME,
				UserTasks.SEEK_INFORMED_CONSENT, UserTasks.SUBMIT_NRM_REFERRAL, UserTasks.REVIEW_CASE_CLOSURE,
				"Notification");

		assertThat(EngineTables.rowsContaining(this.dataSource, JourneyFixtures.DISTINCTIVE_NAME, "1990-04-12",
				"Hidden Lane", "passport was taken", "Taken to a refuge"))
			.as("personal data or free text in an engine table")
			.isEmpty();
		assertThat(EngineTables.rowsContaining(this.dataSource, reference)).as("the search reads the engine's tables")
			.isNotEmpty();
	}

	@Test
	void childInAnIctgArea_isNotifiedToChildrensServicesAndIctg_andReferredWithoutConsent() throws Exception {
		RestJourney as = journey();
		ResponseEntity<Map<String, Object>> started = as.start("officer", JourneyFixtures.childReport());
		String id = (String) started.getBody().get("id");
		String reference = (String) started.getBody().get("businessKey");
		runJobs(id);
		MimeMessage mash = awaitMessage("mash@cardiff.example.gov.uk", reference);
		assertThat(mash.getSubject()).contains(reference, "child");
		assertThat(GreenMailUtil.getBody(mash)).contains("Children's services")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		MimeMessage ictg = awaitMessage("ictg-wales@example.org", reference);
		assertThat(ictg.getSubject()).contains(reference);

		as.completeStep("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON,
				JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON));
		as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
		// children's services must know before the NRM referral: the officer records the
		// referral
		as.completeStep("officer", id, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL,
				JourneyFixtures.answers(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL));
		as.completeStep("supervisor", id, UserTasks.RECORD_STRATEGY_DISCUSSION,
				JourneyFixtures.answers(UserTasks.RECORD_STRATEGY_DISCUSSION));
		assertThat(as.tasks("liaison", id)).extracting((task) -> task.get("taskDefinitionKey"))
			.doesNotContain(UserTasks.SEEK_INFORMED_CONSENT);
		as.completeStep("officer", id, UserTasks.SUBMIT_NRM_REFERRAL,
				JourneyFixtures.answers(UserTasks.SUBMIT_NRM_REFERRAL));
		assertThat(as.get("officer", "/api/cases/" + reference).getBody()).containsEntry("pathway", "CHILD")
			.containsEntry("nrmReference", "NRM-778899");
	}

	@Test
	void refusedSteps_getA400WithTheRule_andChangeNothing() {
		RestJourney as = journey();
		Map<String, Object> unknownArea = JourneyFixtures.adultReport();
		unknownArea.put("areaCode", "E99999999");
		ResponseEntity<Map<String, Object>> refused = as.start("officer", unknownArea);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((String) refused.getBody().get("message")).contains("E99999999",
				"not in the safeguarding directory");

		String id = (String) as.start("officer", JourneyFixtures.adultReport()).getBody().get("id");
		String allocate = as.taskId("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		ResponseEntity<Map<String, Object>> notAnInvestigator = as.complete("supervisor", allocate,
				Map.of("investigator", "liaison"));
		assertThat(notAnInvestigator.getStatusCode().value()).isEqualTo(400);
		assertThat((String) notAnInvestigator.getBody().get("message")).contains("investigators", "PIP2");
		assertThat(this.runtime.getVariable(id, "investigator")).as("nothing kept from a refused step").isNull();

		// a liaison officer cannot see or complete a supervisor's step
		assertThat(as.tasks("liaison", id)).isEmpty();
		assertThat(as.complete("liaison", allocate, Map.of("investigator", "investigator")).getStatusCode().value())
			.isIn(403, 404);
		assertThat(as.taskId("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR)).isEqualTo(allocate);
	}

	/**
	 * Waits for the job executor to run the journey's due jobs (its notices). Running
	 * them here as well would race it (an attempt that finds the notice being sent
	 * fails), so the test only watches: a job that fails fails the test at once.
	 */
	private void runJobs(String processInstanceId) {
		Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
			List<Job> failed = this.management.createJobQuery()
				.processInstanceId(processInstanceId)
				.withException()
				.list();
			if (!failed.isEmpty()) {
				throw new AssertionError(
						"job " + failed.get(0).getId() + " failed: " + failed.get(0).getExceptionMessage());
			}
			return this.management.createJobQuery().processInstanceId(processInstanceId).executable().count() == 0;
		});
	}

	/**
	 * The case's message to a recipient. A notice of an earlier test's case may still
	 * arrive here: each notice is delivered by its own process instance, which the
	 * earlier test did not wait for.
	 */
	private static MimeMessage awaitMessage(String recipient, String reference) {
		return Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)
						&& message.getSubject().contains(reference)) {
					return message;
				}
			}
			return null;
		}, java.util.Objects::nonNull);
	}

	@SuppressWarnings("unchecked")
	private static List<String> steps(Map<String, Object> record) {
		return ((List<Map<String, Object>>) record.get("chronology")).stream()
			.map((entry) -> (String) entry.get("step"))
			.toList();
	}

}
