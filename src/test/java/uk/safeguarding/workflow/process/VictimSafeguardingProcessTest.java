package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Events;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.ServiceTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * One test per path of {@code victim-safeguarding}, on the engine alone. Once every test
 * of the class has run, every flow node and sequence flow of the model must have been
 * walked (camunda-process-test-coverage; its report is in
 * {@code target/process-test-coverage}).
 */
class VictimSafeguardingProcessTest {

	static final String CARDIFF = "W06000015";

	/** No ICTG service. */
	static final String HARTLEPOOL = "E06000001";

	/** A secure MASH channel (in the test directory). */
	static final String TOWER_HAMLETS = "E09000030";

	static final Path MODEL = Path.of("bpmn", "victim-safeguarding.bpmn");

	/**
	 * The engine, and the model coverage of this class (camunda-process-test-coverage):
	 * below 100% of flow nodes and sequence flows fails the build. A run of chosen
	 * methods ({@code -Dtest=VictimSafeguardingProcessTest#method}) reports it without
	 * enforcing it.
	 */
	@RegisterExtension
	static ProcessEngineCoverageExtension extension = coverage();

	static ProcessEngine ENGINE = deployed(extension.getProcessEngine());

	@BeforeEach
	void setUp() {
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE);
		JourneyTestEngine.registerFakes();
		JourneyFixtures.createPeople(ENGINE);
		ENGINE.getIdentityService().setAuthenticatedUserId("officer");
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		ENGINE.getIdentityService().clearAuthentication();
		Mocks.reset();
		List<HistoricTaskInstance> withoutDueDate = ENGINE.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.list()
			.stream()
			.filter((task) -> task.getDueDate() == null)
			.toList();
		for (ProcessInstance instance : ENGINE.getRuntimeService().createProcessInstanceQuery().list()) {
			ENGINE.getRuntimeService().deleteProcessInstance(instance.getId(), "test finished");
		}
		ENGINE.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.list()
			.forEach((instance) -> ENGINE.getHistoryService().deleteHistoricProcessInstance(instance.getId()));
		// spec section 4: every human task carries its due date
		assertThat(withoutDueDate).extracting(HistoricTaskInstance::getTaskDefinitionKey)
			.as("tasks created without a due date")
			.isEmpty();
	}

	static ProcessEngineCoverageExtension coverage() {
		var builder = ProcessEngineCoverageExtension.builder(JourneyTestEngine.configuration("journey"));
		if (!String.valueOf(System.getProperty("test")).contains("#")) {
			builder.assertClassCoverageAtLeast(1.0);
		}
		return builder.build();
	}

	static ProcessEngine deployed(ProcessEngine engine) {
		JourneyTestEngine.deployModels(engine);
		return engine;
	}

	/** The coverage is of the whole model: it has not lost its parts. */
	@AfterAll
	static void theModelIsTheWholeJourney() {
		BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
		assertThat(model.getModelElementsByType(FlowNode.class)).as("flow nodes in the model").hasSizeGreaterThan(100);
		assertThat(model.getModelElementsByType(SequenceFlow.class)).as("sequence flows in the model")
			.hasSizeGreaterThan(100);
	}

	// ------------------------------------------------------------------ adult

	@Test
	void adultWhoConsents_isReferredDecidedAndClosed() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());

		assertThat(journey.getBusinessKey()).matches("MSHT-2026-\\d{6}");
		assertThat(journey).isWaitingAt(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.RECORD_CRIME,
				UserTasks.ALLOCATE_INVESTIGATOR, UserTasks.DEPLOY_VICTIM_LIAISON, ServiceTasks.NOTIFY_SAFEGUARDING_HUB,
				"Gateway_AwaitReview");
		assertThat(journey).variables()
			.containsEntry("pathway", "ADULT")
			.doesNotContainKey("victimName")
			.doesNotContainKey("dateOfBirth")
			.doesNotContainKey("circumstancesNotes");
		runJobs(journey, ServiceTasks.NOTIFY_SAFEGUARDING_HUB);
		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_NotifySafeguardingHub:CASE_OPENED");

		complete(journey, UserTasks.RECORD_CRIME);
		complete(journey, UserTasks.ALLOCATE_INVESTIGATOR);
		complete(journey, UserTasks.DEPLOY_VICTIM_LIAISON);
		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		assertThat(journey).isWaitingAt(UserTasks.ASSESS_VICTIM_NEEDS, UserTasks.AGREE_VICTIM_STRATEGY,
				UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(task(journey, UserTasks.SEEK_INFORMED_CONSENT).getAssignee()).isEqualTo("liaison");
		complete(journey, UserTasks.ASSESS_VICTIM_NEEDS);
		complete(journey, UserTasks.AGREE_VICTIM_STRATEGY);
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		complete(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		complete(journey, UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);

		assertThat(journey).isWaitingAt(UserTasks.REVIEW_CASE_CLOSURE, Events.REFERRAL_REOPENED);
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE);
		assertThat(journey).isEnded().hasPassed(Events.CASE_CLOSED);
		assertThat(created(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY)).isZero();
	}

	@Test
	void adultWhoDeclinesThenConsents_isNotifiedAnonymouslySupportedAndLaterReferred() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());

		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, consent("DECLINED"));

		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		assertThat(journey).variables()
			.containsEntry(Variables.NRM_CONSENT, "DECLINED")
			.containsKey(Variables.CONSENT_DECLINED_AT);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(task(journey, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT).getAssignee()).isEqualTo("liaison");

		complete(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		assertThat(jobs(journey, Events.REVISIT_CONSENT_DUE)).as("revisit waits for the alternative support").isEmpty();
		complete(journey, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		assertThat(journey).variables().containsEntry(Variables.DUTY_TO_NOTIFY_SUBMITTED, true);

		Job revisit = single(jobs(journey, Events.REVISIT_CONSENT_DUE));
		assertThat(revisit.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(21))),
				Duration.ofMinutes(5).toMillis());
		execute(revisit);
		Task revisitTask = task(journey, UserTasks.REVISIT_CONSENT);
		assertThat(revisitTask.getAssignee()).isEqualTo("liaison");
		Instant declinedAt = ((Date) variable(journey, Variables.CONSENT_DECLINED_AT)).toInstant();
		assertThat(revisitTask.getDueDate().toInstant()).isCloseTo(declinedAt.plus(Duration.ofDays(28)),
				within(1, ChronoUnit.HOURS));

		complete(journey, UserTasks.REVISIT_CONSENT);
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_NRM_REFERRAL);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(journey).variables()
			.containsEntry(Variables.NRM_CONSENT, "GIVEN")
			.containsEntry(Variables.NRM_SUBMITTED, true);
	}

	@Test
	void adultWhoDeclinesTwice_isOfferedClosureAndStaysOpenWhenNotClosed() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, consent("DECLINED"));
		complete(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		complete(journey, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		runJobs(journey, Events.REVISIT_CONSENT_DUE);

		complete(journey, UserTasks.REVISIT_CONSENT, consent("DECLINED"));

		assertThat(journey).hasPassed("EndEvent_ConsentDeclinedAgain", "ConditionalEvent_ReferralOutcomeReached")
			.isWaitingAt(UserTasks.REVIEW_CASE_CLOSURE, Events.REFERRAL_REOPENED);
		assertThat(variable(journey, Variables.CLOSURE_REVIEW_DUE)).isEqualTo(true);

		complete(journey, UserTasks.REVIEW_CASE_CLOSURE, Map.of(Variables.CLOSE_CASE, false));

		assertThat(journey).isNotEnded()
			.hasNotPassed(Events.CASE_CLOSED)
			.isWaitingAt("Gateway_AwaitReview", Events.REFERRAL_REOPENED);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.REVIEW_CASE_CLOSURE);
		assertThat(variable(journey, Variables.CLOSURE_REVIEW_DUE)).isEqualTo(false);
		assertThat(single(jobs(journey, Events.REVIEW_DUE))).isNotNull();
		assertThat(created(journey, UserTasks.SUBMIT_NRM_REFERRAL)).isZero();
	}

	@Test
	void undecidedAdult_isRecontactedThenNotifiedAnonymouslyWithTheOfferStillOpen() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		assertThat(variable(journey, Variables.MAX_UNDECIDED_CONTACTS)).isEqualTo(2);

		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, Map.of(Variables.NRM_CONSENT, "UNDECIDED"));

		assertThat(journey).isWaitingAt(Events.RECONTACT_DUE);
		assertThat(variable(journey, Variables.UNDECIDED_CONTACTS)).isEqualTo(1);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.SEEK_INFORMED_CONSENT);
		runJobs(journey, Events.RECONTACT_DUE);
		assertThat(journey).isWaitingAt(UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(created(journey, UserTasks.SEEK_INFORMED_CONSENT)).isEqualTo(2);

		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, Map.of(Variables.NRM_CONSENT, "UNDECIDED"));

		assertThat(variable(journey, Variables.UNDECIDED_CONTACTS)).isEqualTo(2);
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		assertThat(jobs(journey, Events.RECONTACT_DUE)).isEmpty();
		Instant lastContact = now();
		complete(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		complete(journey, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);

		// the offer stays open: the consent is revisited 28 days after the last undecided
		// contact
		later(Duration.ofDays(21));
		runJobs(journey, Events.REVISIT_CONSENT_DUE);
		assertThat(task(journey, UserTasks.REVISIT_CONSENT).getDueDate().toInstant())
			.isCloseTo(lastContact.plus(Duration.ofDays(28)), within(1, ChronoUnit.MINUTES));
		complete(journey, UserTasks.REVISIT_CONSENT, Map.of(Variables.NRM_CONSENT, "UNDECIDED"));
		assertThat(journey).isNotEnded().isWaitingAt(Events.REVISIT_CONSENT_DUE);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.REVIEW_CASE_CLOSURE, UserTasks.SUBMIT_NRM_REFERRAL);
	}

	@Test
	void adultStillUndecidedWhenConsentIsRevisited_isRevisitedAgainWithAFreshDeadline() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, consent("DECLINED"));
		complete(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		complete(journey, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		later(Duration.ofDays(21));
		runJobs(journey, Events.REVISIT_CONSENT_DUE);

		Instant revisited = now();
		complete(journey, UserTasks.REVISIT_CONSENT, Map.of(Variables.NRM_CONSENT, "UNDECIDED"));
		later(Duration.ofDays(21));
		runJobs(journey, Events.REVISIT_CONSENT_DUE);

		Task again = task(journey, UserTasks.REVISIT_CONSENT);
		assertThat(again.getDueDate()).as("a revisit is never overdue when it appears").isAfter(again.getCreateTime());
		assertThat(again.getDueDate().toInstant()).isCloseTo(revisited.plus(Duration.ofDays(28)),
				within(1, ChronoUnit.MINUTES));
	}

	// ------------------------------------------------------------------ child

	@Test
	void child_isSafeguardedAndReferredWithoutEverBeingAskedForConsent() {
		ProcessInstance journey = start(JourneyFixtures.childReport());

		assertThat(variable(journey, Variables.PATHWAY)).isEqualTo("CHILD");
		runJobs(journey, ServiceTasks.REFER_TO_ICTG);
		runJobs(journey, ServiceTasks.NOTIFY_SAFEGUARDING_HUB);
		assertThat(JourneyTestEngine.SENT).containsExactlyInAnyOrder("ServiceTask_ReferToIctg:CASE_OPENED",
				"ServiceTask_NotifySafeguardingHub:CASE_OPENED");
		assertThat(journey).hasPassed("EndEvent_IctgConsidered");

		complete(journey, UserTasks.DEPLOY_VICTIM_LIAISON);
		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, "policeProtectionUsed", true));

		// Cardiff's MASH is not a secure channel: the officer records the local
		// authority's own route
		assertThat(variable(journey, Variables.CHILDRENS_SERVICES_NOTIFIED)).isEqualTo(false);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL, UserTasks.ASSESS_VICTIM_NEEDS,
				UserTasks.AGREE_VICTIM_STRATEGY);
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		assertThat(variable(journey, Variables.CHILDRENS_SERVICES_NOTIFIED)).isEqualTo(true);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		assertThat(variable(journey, Variables.AGREED_FIRST_RESPONDER)).isEqualTo("POLICE");
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);

		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		for (String never : List.of(UserTasks.SEEK_INFORMED_CONSENT, UserTasks.REVISIT_CONSENT,
				UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT)) {
			assertThat(created(journey, never)).as(never).isZero();
		}
	}

	@Test
	void presumedChild_ofUncertainAgeWhoMayBeUnder18_isTreatedAsAChild() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.remove("dateOfBirth");
		report.put("ageUncertain", true);
		report.put("mayBeUnder18", true);
		report.put("estimatedAge", 25);

		ProcessInstance journey = toPathwayWork(report);

		assertThat(variable(journey, Variables.PATHWAY)).isEqualTo("CHILD");
		assertThat(journey).isWaitingAt(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		assertThat(created(journey, UserTasks.SEEK_INFORMED_CONSENT)).isZero();
		assertThat(jobs(journey, ServiceTasks.REFER_TO_ICTG)).hasSize(1);
	}

	@Test
	void childInAnAreaWithoutIctg_isNotReferredToIctg() {
		ProcessInstance journey = start(area(JourneyFixtures.childReport(), HARTLEPOOL));

		assertThat(variable(journey, Variables.PATHWAY)).isEqualTo("CHILD");
		assertThat(jobs(journey, ServiceTasks.REFER_TO_ICTG)).isEmpty();
		assertThat(journey).hasPassed("Gateway_ChildInIctgArea", "Gateway_IctgDone", "EndEvent_IctgConsidered")
			.hasNotPassed(ServiceTasks.REFER_TO_ICTG);
		runJobs(journey, ServiceTasks.NOTIFY_SAFEGUARDING_HUB);
		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_NotifySafeguardingHub:CASE_OPENED");
	}

	@Test
	void childInAnAreaWithASecureMashChannel_isNotReferredToChildrensServicesTwice() {
		ProcessInstance journey = start(area(JourneyFixtures.childReport(), TOWER_HAMLETS));
		runJobs(journey, ServiceTasks.NOTIFY_SAFEGUARDING_HUB);
		assertThat(variable(journey, Variables.CHILDRENS_SERVICES_NOTIFIED)).isEqualTo(true);

		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);

		assertThat(journey).isWaitingAt(UserTasks.RECORD_STRATEGY_DISCUSSION);
		assertThat(created(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL)).isZero();
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
	}

	@Test
	void childInAnAreaWithASecureMashChannelWhoseNoticeHasNotGoneYet_isReferredByTheOfficer() {
		ProcessInstance journey = start(area(JourneyFixtures.childReport(), TOWER_HAMLETS));
		// the hub notice is still waiting (or failing): children's services do not know
		// yet

		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);

		assertThat(journey).isWaitingAt(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
	}

	// ------------------------------------------------------------------ risk

	@Test
	void immediateRisk_alertsTheSupervisorsAndShortensTheSafeguardingDeadline() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("immediateRisk", true);

		ProcessInstance journey = start(report);

		assertThat(variable(journey, Variables.RISK_LEVEL)).isEqualTo("URGENT");
		assertThat(jobs(journey, ServiceTasks.ALERT_SUPERVISORS)).hasSize(1);
		runJobs(journey, ServiceTasks.ALERT_SUPERVISORS);
		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_AlertSupervisors:IMMEDIATE_RISK");
		assertThat(journey).hasPassed("EndEvent_RiskConsidered");
		Instant identified = ((Date) variable(journey, Variables.IDENTIFIED_AT)).toInstant();
		assertThat(task(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING).getDueDate())
			.isEqualTo(Date.from(identified.plus(Duration.ofMinutes(30))));
	}

	// ------------------------------------------------------------------ decisions

	@Test
	void negativeReasonableGroundsReconsidered_isDecidedAgainThenGoesToConclusiveGrounds() {
		ProcessInstance journey = toReasonableGrounds(JourneyFixtures.adultReport());
		String decided = LocalDate.now().minusDays(3).toString();

		complete(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION,
				decision("reasonableGrounds", "NEGATIVE", decided));

		assertThat(journey).isWaitingAt(UserTasks.CONSIDER_RECONSIDERATION);
		assertThat(variable(journey, Variables.LATEST_NEGATIVE_DECISION)).isEqualTo("REASONABLE_GROUNDS");
		assertThat(openTasks(journey)).as("a negative decision does not end safeguarding")
			.contains(UserTasks.ASSESS_VICTIM_NEEDS, UserTasks.AGREE_VICTIM_STRATEGY);
		complete(journey, UserTasks.CONSIDER_RECONSIDERATION, Map.of(Variables.RECONSIDERATION_REQUESTED, true));

		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(created(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)).isEqualTo(2);
		complete(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);
		assertThat(created(journey, UserTasks.SUBMIT_NRM_REFERRAL)).isEqualTo(1);
	}

	@Test
	void negativeConclusiveGroundsNotReconsidered_standsAndClosureIsOffered() {
		ProcessInstance journey = toReasonableGrounds(JourneyFixtures.adultReport());
		complete(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);

		complete(journey, UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION,
				decision("conclusiveGrounds", "NEGATIVE", LocalDate.now().toString()));
		assertThat(variable(journey, Variables.LATEST_NEGATIVE_DECISION)).isEqualTo("CONCLUSIVE_GROUNDS");
		complete(journey, UserTasks.CONSIDER_RECONSIDERATION, Map.of(Variables.RECONSIDERATION_REQUESTED, false));

		assertThat(journey).hasPassed("EndEvent_NegativeDecisionStands")
			.isWaitingAt(UserTasks.REVIEW_CASE_CLOSURE, UserTasks.ASSESS_VICTIM_NEEDS)
			.isNotEnded();
	}

	@Test
	void negativeConclusiveGroundsReconsidered_isDecidedAgain() {
		ProcessInstance journey = toReasonableGrounds(JourneyFixtures.adultReport());
		complete(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		complete(journey, UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION,
				decision("conclusiveGrounds", "NEGATIVE", LocalDate.now().toString()));

		complete(journey, UserTasks.CONSIDER_RECONSIDERATION, Map.of(Variables.RECONSIDERATION_REQUESTED, true));

		assertThat(journey).isWaitingAt(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);
		assertThat(created(journey, UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION)).isEqualTo(2);
		assertThat(created(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)).isEqualTo(1);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.REVIEW_CASE_CLOSURE);
	}

	// ------------------------------------------------------------------ missing

	@Test
	void childReportedMissingTwice_raisesTwoUrgentTasksAndNotifiesHubAndIctgEachTimeWithoutStoppingOtherWork() {
		ProcessInstance journey = start(JourneyFixtures.childReport());
		runJobs(journey, ServiceTasks.REFER_TO_ICTG);
		runJobs(journey, ServiceTasks.NOTIFY_SAFEGUARDING_HUB);
		JourneyTestEngine.SENT.clear();

		missing(journey);

		Task first = task(journey, UserTasks.RESPOND_TO_MISSING_VICTIM);
		assertThat(first.getPriority()).isEqualTo(90);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.RECORD_CRIME,
				UserTasks.ALLOCATE_INVESTIGATOR, UserTasks.DEPLOY_VICTIM_LIAISON, "Gateway_AwaitReview");
		runJobs(journey, ServiceTasks.NOTIFY_HUB_OF_MISSING_VICTIM);
		runJobs(journey, ServiceTasks.NOTIFY_ICTG_OF_MISSING_VICTIM);
		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_NotifyHubOfMissingVictim:VICTIM_MISSING",
				"ServiceTask_NotifyIctgOfMissingVictim:VICTIM_MISSING");

		missing(journey);

		List<Task> responses = taskQuery().processInstanceId(journey.getId())
			.taskDefinitionKey(UserTasks.RESPOND_TO_MISSING_VICTIM)
			.list();
		assertThat(responses).hasSize(2);
		Set<Object> episodes = new HashSet<>();
		for (Task response : responses) {
			episodes.add(ENGINE.getTaskService().getVariable(response.getId(), Variables.MISSING_EPISODE));
		}
		assertThat(episodes).containsExactlyInAnyOrder(1, 2);
		runJobs(journey, ServiceTasks.NOTIFY_HUB_OF_MISSING_VICTIM);
		runJobs(journey, ServiceTasks.NOTIFY_ICTG_OF_MISSING_VICTIM);
		assertThat(JourneyTestEngine.SENT).hasSize(4);

		ENGINE.getTaskService().complete(first.getId(), answers(UserTasks.RESPOND_TO_MISSING_VICTIM));
		assertThat(task(journey, UserTasks.RESPOND_TO_MISSING_VICTIM).getId()).isNotEqualTo(first.getId());
		assertThat(journey).hasPassed("EndEvent_MissingResponseRecorded", "EndEvent_MissingEpisodeNotified")
			.isWaitingAt(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
	}

	@Test
	void adultReportedMissing_notifiesTheHubButNotTheIctg() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());
		runJobs(journey, ServiceTasks.NOTIFY_SAFEGUARDING_HUB);
		JourneyTestEngine.SENT.clear();

		missing(journey);
		runJobs(journey, ServiceTasks.NOTIFY_HUB_OF_MISSING_VICTIM);

		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_NotifyHubOfMissingVictim:VICTIM_MISSING");
		assertThat(jobs(journey, ServiceTasks.NOTIFY_ICTG_OF_MISSING_VICTIM)).isEmpty();
		assertThat(journey).hasPassed("EndEvent_MissingEpisodeNotified")
			.isWaitingAt(UserTasks.RESPOND_TO_MISSING_VICTIM);
	}

	// ------------------------------------------------------------------ victim found

	@Test
	void childFound_closesTheEpisodeTellsHubAndIctgOnceAndOffersAReturnInterview() {
		ProcessInstance journey = start(JourneyFixtures.childReport());
		missing(journey);
		runJobs(journey, ServiceTasks.NOTIFY_HUB_OF_MISSING_VICTIM);
		runJobs(journey, ServiceTasks.NOTIFY_ICTG_OF_MISSING_VICTIM);
		JourneyTestEngine.SENT.clear();

		found(journey);

		Task interview = task(journey, UserTasks.CONDUCT_RETURN_INTERVIEW);
		assertThat(interview.getAssignee()).isEqualTo("officer");
		assertThat(ENGINE.getTaskService().getVariable(interview.getId(), Variables.MISSING_EPISODE)).isEqualTo(1);
		assertThat(interview.getDueDate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofHours(72)),
				within(5, ChronoUnit.MINUTES));
		runJobs(journey, ServiceTasks.NOTIFY_HUB_OF_FOUND_VICTIM);
		runJobs(journey, ServiceTasks.NOTIFY_ICTG_OF_FOUND_VICTIM);
		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_NotifyHubOfFoundVictim:VICTIM_FOUND",
				"ServiceTask_NotifyIctgOfFoundVictim:VICTIM_FOUND");
		complete(journey, UserTasks.CONDUCT_RETURN_INTERVIEW);
		assertThat(journey).hasPassed("EndEvent_FoundNotified", "EndEvent_ReturnInterviewRecorded")
			.isWaitingAt(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		// the episode is closed: a second "found" has nothing to close
		assertThatThrownBy(() -> found(journey)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("No missing episode is open");
	}

	@Test
	void childFoundWhileTheMissingResponseIsOpen_endsThatStepAndOffersAReturnInterview() {
		ProcessInstance journey = start(JourneyFixtures.childReport());
		missing(journey);
		assertThat(openTasks(journey)).contains(UserTasks.RESPOND_TO_MISSING_VICTIM);

		found(journey);

		assertThat(openTasks(journey)).as("no supervisor is left responding to a person who is back")
			.doesNotContain(UserTasks.RESPOND_TO_MISSING_VICTIM)
			.contains(UserTasks.CONDUCT_RETURN_INTERVIEW);
		assertThat(journey).hasPassed(Events.MISSING_RESPONSE_ENDED, "EndEvent_MissingResponseEnded")
			.hasNotPassed("EndEvent_MissingResponseRecorded");
	}

	@Test
	void missingAgainAfterBeingFound_opensAFreshResponseThatStaysOpen() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());
		missing(journey);
		found(journey);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.RESPOND_TO_MISSING_VICTIM);

		missing(journey);

		assertThat(openTasks(journey)).as("the last episode's found flag does not end the new response")
			.contains(UserTasks.RESPOND_TO_MISSING_VICTIM);
		complete(journey, UserTasks.RESPOND_TO_MISSING_VICTIM);
		assertThat(journey).hasPassed("EndEvent_MissingResponseRecorded");
	}

	@Test
	void adultFound_tellsTheHubOnlyAndNeedsNoReturnInterview() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());
		missing(journey);
		JourneyTestEngine.SENT.clear();

		found(journey);
		runJobs(journey, ServiceTasks.NOTIFY_HUB_OF_FOUND_VICTIM);

		assertThat(JourneyTestEngine.SENT).containsExactly("ServiceTask_NotifyHubOfFoundVictim:VICTIM_FOUND");
		assertThat(jobs(journey, ServiceTasks.NOTIFY_ICTG_OF_FOUND_VICTIM)).isEmpty();
		assertThat(created(journey, UserTasks.CONDUCT_RETURN_INTERVIEW)).isZero();
		assertThat(journey).hasPassed("EndEvent_NoReturnInterviewNeeded", "EndEvent_FoundNotified");
	}

	@Test
	void victimFoundWhenNoOneIsMissing_isRefusedAndChangesNothing() {
		ProcessInstance journey = start(JourneyFixtures.childReport());
		List<String> before = openTasks(journey);

		assertThatThrownBy(() -> found(journey)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("report the person missing first");

		assertThat(openTasks(journey)).containsExactlyInAnyOrderElementsOf(before);
		assertThat(jobs(journey, ServiceTasks.NOTIFY_HUB_OF_FOUND_VICTIM)).isEmpty();
	}

	// ------------------------------------------------------------------ consent
	// withdrawn

	@Test
	void consentWithdrawnBeforeTheNrmReferral_stopsItAndLeadsToTheDutyToNotify() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_NRM_REFERRAL);

		consentWithdrawn(journey);

		assertThat(openTasks(journey)).doesNotContain(UserTasks.SUBMIT_NRM_REFERRAL)
			.contains(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		assertThat(journey).hasPassed(Events.REFERRAL_STOPPED, "EndEvent_ReferralStopped");
		assertThat(variable(journey, Variables.CONSENT_WITHDRAWN)).as("reset once the referral stopped")
			.isEqualTo(false);
		assertThat(created(journey, UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL)).isZero();
		complete(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		assertThat(variable(journey, Variables.DUTY_TO_NOTIFY_SUBMITTED)).isEqualTo(true);
		assertThat(variable(journey, Variables.NRM_SUBMITTED)).isEqualTo(false);
		assertThatThrownBy(() -> consentWithdrawn(journey)).as("nothing left to withdraw")
			.isInstanceOf(SafeguardingRuleViolation.class);
	}

	@Test
	void consentWithdrawnAfterTheNrmReferral_isRecordedAndTheCompetentAuthorityIsToBeTold() {
		ProcessInstance journey = toReasonableGrounds(JourneyFixtures.adultReport());

		consentWithdrawn(journey);

		Task tell = task(journey, UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL);
		assertThat(tell.getDueDate()).isNotNull();
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(created(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY)).isZero();
		complete(journey, UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL);
		assertThat(journey).hasPassed("EndEvent_CompetentAuthorityToldOfWithdrawal")
			.isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
	}

	@Test
	void consentWithdrawnForAChildOrBeforeAnyConsent_isRefused() {
		ProcessInstance child = toPathwayWork(JourneyFixtures.childReport());
		assertThatThrownBy(() -> consentWithdrawn(child)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("A child is never asked for consent");

		ProcessInstance adult = toConsent(JourneyFixtures.adultReport());
		assertThatThrownBy(() -> consentWithdrawn(adult)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("nothing to withdraw");
		assertThat(journeyIsWaitingAtConsent(adult)).isTrue();
	}

	// ------------------------------------------------------------------ another agency's
	// referral

	@Test
	void casePassedToUsWithAnNrmReference_goesStraightToTheDecisionsWithoutConsentOrASecondReferral() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put(Variables.HOW_CAME_TO_NOTICE, "COMPETENT_AUTHORITY");
		report.put(Variables.EXISTING_NRM_REFERENCE, "NRM-112233");
		ProcessInstance journey = toPathwayWork(report);

		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(journey).variables()
			.containsEntry(Variables.NRM_REFERENCE, "NRM-112233")
			.containsEntry(Variables.NRM_SUBMITTED, true)
			.containsEntry(Variables.REFERRED_BY_ANOTHER_AGENCY, true);
		assertThat(created(journey, UserTasks.SEEK_INFORMED_CONSENT)).isZero();
		assertThat(created(journey, UserTasks.SUBMIT_NRM_REFERRAL)).isZero();
		complete(journey, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);
	}

	@Test
	void casePassedToUsWithoutItsNrmReference_isRefusedNamingTheField() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put(Variables.HOW_CAME_TO_NOTICE, "COMPETENT_AUTHORITY");

		assertThatThrownBy(() -> start(report)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining(Variables.EXISTING_NRM_REFERENCE);

		Map<String, Object> notPassed = JourneyFixtures.adultReport();
		notPassed.put(Variables.HOW_CAME_TO_NOTICE, "POLICE_DISCOVERY");
		notPassed.put(Variables.EXISTING_NRM_REFERENCE, "NRM-112233");
		assertThatThrownBy(() -> start(notPassed)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("howCameToNotice");
	}

	// ------------------------------------------------------------------ dependant
	// children

	@Test
	void dependantChildrenPresent_areReferredToChildrensServicesBesideTheRest() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put(Variables.DEPENDANT_CHILDREN_PRESENT, true);
		ProcessInstance journey = start(report);

		Task referral = task(journey, UserTasks.REFER_DEPENDANT_CHILDREN);
		assertThat(referral.getAssignee()).isEqualTo("officer");
		assertThat(referral.getDueDate()).isNotNull();
		assertThat(journey).isWaitingAt(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.REFER_DEPENDANT_CHILDREN);
		complete(journey, UserTasks.REFER_DEPENDANT_CHILDREN);
		assertThat(journey).hasPassed("EndEvent_DependantChildrenConsidered");

		ProcessInstance without = start(JourneyFixtures.adultReport());
		assertThat(created(without, UserTasks.REFER_DEPENDANT_CHILDREN)).isZero();
		assertThat(without).hasPassed("EndEvent_DependantChildrenConsidered");
	}

	@Test
	void dependantChildrenReferralWithoutItsDetails_isRefused() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put(Variables.DEPENDANT_CHILDREN_PRESENT, true);
		ProcessInstance journey = start(report);
		Map<String, Object> answers = answers(UserTasks.REFER_DEPENDANT_CHILDREN);
		answers.remove("dependantChildrenReferredAt");

		// a task listener's refusal reaches the caller wrapped by the engine
		assertThatThrownBy(() -> complete(journey, UserTasks.REFER_DEPENDANT_CHILDREN, answers))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("When the children were referred");
		assertThat(openTasks(journey)).contains(UserTasks.REFER_DEPENDANT_CHILDREN);
	}

	// ------------------------------------------------------------------ age assessed

	@Test
	void presumedChildFoundAdultBeforeTheNrmReferral_isAskedForConsentWithoutRedoingCompletedSteps() {
		ProcessInstance journey = toPathwayWork(presumedChildReport());
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_STRATEGY_DISCUSSION);

		ageAssessed(journey, true);

		assertThat(variable(journey, Variables.PATHWAY)).isEqualTo("ADULT");
		assertThat(journey).hasPassed("BoundaryEvent_ReferralRerouted", "EndEvent_ReferralRerouted")
			.isWaitingAt(UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.RECORD_STRATEGY_DISCUSSION);
		assertThat(variable(journey, Variables.REFERRAL_REROUTED)).isEqualTo(false);
		for (String once : List.of(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL, UserTasks.ASSESS_VICTIM_NEEDS,
				UserTasks.AGREE_VICTIM_STRATEGY, UserTasks.RECORD_CRIME)) {
			assertThat(created(journey, once)).as(once).isEqualTo(1);
		}
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_NRM_REFERRAL);
	}

	@Test
	void presumedChildFoundAdultAfterTheNrmReferral_isReportedToTheCompetentAuthorityAndNotReferredAgain() {
		ProcessInstance journey = toPathwayWork(presumedChildReport());
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);

		ageAssessed(journey, true);

		assertThat(variable(journey, Variables.PATHWAY)).isEqualTo("ADULT");
		assertThat(journey)
			.isWaitingAt(UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE, UserTasks.SEEK_ADULT_SUPPORT_CONSENT,
					UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.hasNotPassed("BoundaryEvent_ReferralRerouted");
		assertThat(task(journey, UserTasks.SEEK_ADULT_SUPPORT_CONSENT).getAssignee()).isEqualTo("liaison");
		assertThat(created(journey, UserTasks.SUBMIT_NRM_REFERRAL)).isEqualTo(1);
		assertThat(created(journey, UserTasks.SEEK_INFORMED_CONSENT)).isZero();

		complete(journey, UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE);
		complete(journey, UserTasks.SEEK_ADULT_SUPPORT_CONSENT);
		assertThat(journey).hasPassed("EndEvent_CompetentAuthorityInformed", "EndEvent_AdultSupportConsentSought")
			.isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
	}

	@Test
	void adultFoundToBeAChildBeforeAnyReferral_goesOnTheChildPathAndIsReferredToIctg() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		assertThat(jobs(journey, ServiceTasks.REFER_TO_ICTG)).isEmpty();

		ageAssessed(journey, false);

		assertThat(variable(journey, Variables.PATHWAY)).isEqualTo("CHILD");
		assertThat(openTasks(journey)).doesNotContain(UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL,
				ServiceTasks.REFER_TO_ICTG_AFTER_AGE_ASSESSMENT);
		runJobs(journey, ServiceTasks.REFER_TO_ICTG_AFTER_AGE_ASSESSMENT);
		assertThat(JourneyTestEngine.SENT).contains("ServiceTask_ReferToIctgAfterAgeAssessment:AGE_ASSESSED_CHILD");
		assertThat(journey).hasPassed("EndEvent_NewChildIctgConsidered");
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
	}

	@Test
	void adultFoundToBeAChildWhileTheDutyToNotifyIsPending_neverHasADutyToNotifyAsAChild() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, consent("DECLINED"));
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_DUTY_TO_NOTIFY);

		ageAssessed(journey, false);

		assertThat(openTasks(journey)).doesNotContain(UserTasks.SUBMIT_DUTY_TO_NOTIFY,
				UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		assertThat(variable(journey, Variables.DUTY_TO_NOTIFY_SUBMITTED)).isEqualTo(false);
	}

	@Test
	void adultFoundToBeAChildAfterAFinalDecline_hasTheReferralReopenedOnTheChildPath() {
		ProcessInstance journey = toConsent(area(JourneyFixtures.adultReport(), HARTLEPOOL));
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT, consent("DECLINED"));
		complete(journey, UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		complete(journey, UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		runJobs(journey, Events.REVISIT_CONSENT_DUE);
		complete(journey, UserTasks.REVISIT_CONSENT, consent("DECLINED"));
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE, Map.of(Variables.CLOSE_CASE, false));
		assertThat(journey).isWaitingAt(Events.REFERRAL_REOPENED);

		ageAssessed(journey, false);

		assertThat(journey).hasPassed(Events.REFERRAL_REOPENED)
			.isWaitingAt(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		assertThat(jobs(journey, ServiceTasks.REFER_TO_ICTG_AFTER_AGE_ASSESSMENT)).as("no ICTG in Hartlepool")
			.isEmpty();
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(variable(journey, Variables.NRM_CONSENT)).as("no consent was asked for").isEqualTo("DECLINED");
	}

	@Test
	void adultFoundToBeAChildAfterTheNrmReferral_isReportedToTheCompetentAuthorityAndNotReferredAgain() {
		ProcessInstance journey = toReasonableGrounds(JourneyFixtures.adultReport());

		ageAssessed(journey, false);
		runJobs(journey, ServiceTasks.REFER_TO_ICTG_AFTER_AGE_ASSESSMENT);

		assertThat(journey).isWaitingAt(UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE,
				UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertThat(openTasks(journey)).doesNotContain(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL,
				UserTasks.SEEK_ADULT_SUPPORT_CONSENT);
		assertThat(created(journey, UserTasks.SUBMIT_NRM_REFERRAL)).isEqualTo(1);
	}

	@Test
	void ageAssessmentThatConfirmsThePathway_changesNothing() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());

		ageAssessed(journey, true);

		assertThat(journey).hasPassed("EndEvent_PathwayUnchanged").isWaitingAt(UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(variable(journey, Variables.AGE_REASSESSMENT)).isEqualTo("UNCHANGED");
		assertThat(created(journey, UserTasks.SEEK_INFORMED_CONSENT)).isEqualTo(1);
	}

	// ------------------------------------------------------------------ closure

	@Test
	void supervisoryReview_recursOneAtATimeUntilClosureIsRequested() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());
		Job due = single(jobs(journey, Events.REVIEW_DUE));
		assertThat(due.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(21))),
				Duration.ofMinutes(5).toMillis());

		execute(due);
		assertThat(journey).isWaitingAt(UserTasks.CONDUCT_SUPERVISORY_REVIEW);
		assertThat(jobs(journey, Events.REVIEW_DUE)).as("one review at a time").isEmpty();
		complete(journey, UserTasks.CONDUCT_SUPERVISORY_REVIEW);

		assertThat(openTasks(journey)).doesNotContain(UserTasks.CONDUCT_SUPERVISORY_REVIEW,
				UserTasks.REVIEW_CASE_CLOSURE);
		Job next = single(jobs(journey, Events.REVIEW_DUE));
		assertThat(next.getId()).isNotEqualTo(due.getId());
		execute(next);
		Task second = task(journey, UserTasks.CONDUCT_SUPERVISORY_REVIEW);
		Instant lastReview = ((Date) variable(journey, Variables.LAST_REVIEW_AT)).toInstant();
		assertThat(second.getDueDate().toInstant()).isCloseTo(lastReview.plus(Duration.ofDays(28)),
				within(1, ChronoUnit.HOURS));
		complete(journey, UserTasks.CONDUCT_SUPERVISORY_REVIEW,
				answers(UserTasks.CONDUCT_SUPERVISORY_REVIEW, Variables.CLOSURE_REQUESTED, true));

		assertThat(journey).isWaitingAt(UserTasks.REVIEW_CASE_CLOSURE);
		assertThat(jobs(journey, Events.REVIEW_DUE)).isEmpty();
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE);
		assertThat(journey).isEnded().hasPassed(Events.CASE_CLOSED);
	}

	@Test
	void messageAfterClosure_isRefused() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());
		execute(single(jobs(journey, Events.REVIEW_DUE)));
		complete(journey, UserTasks.CONDUCT_SUPERVISORY_REVIEW,
				answers(UserTasks.CONDUCT_SUPERVISORY_REVIEW, Variables.CLOSURE_REQUESTED, true));
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE);
		assertThat(journey).isEnded();

		assertThatThrownBy(() -> missing(journey)).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThatThrownBy(() -> ageAssessed(journey, false))
			.isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThatThrownBy(() -> found(journey)).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThatThrownBy(() -> consentWithdrawn(journey)).isInstanceOf(MismatchingMessageCorrelationException.class);
	}

	// ------------------------------------------------------------------ hard gates

	@Test
	void consentGivenWithoutEveryChecklistItem_isRefused() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		Map<String, Object> answers = JourneyFixtures.answers(UserTasks.SEEK_INFORMED_CONSENT);
		answers.put("withdrawalExplained", false);

		assertThatThrownBy(() -> complete(journey, UserTasks.SEEK_INFORMED_CONSENT, answers))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("every item of the checklist")
			.hasMessageContaining("withdrawalExplained");
		assertThat(journey).isWaitingAt(UserTasks.SEEK_INFORMED_CONSENT);
		assertThat(journey).variables().doesNotContainKey(Variables.NRM_CONSENT).doesNotContainKey("nrmExplained");
	}

	@Test
	void adultNrmReferralWithoutRecordedConsent_isRefused() {
		ProcessInstance journey = toConsent(JourneyFixtures.adultReport());
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT);
		// the consent is withdrawn before submission (a REST client changes the recorded
		// outcome)
		runtimeService().setVariable(journey.getId(), Variables.NRM_CONSENT, "DECLINED");

		assertThatThrownBy(() -> complete(journey, UserTasks.SUBMIT_NRM_REFERRAL))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("never referred to the NRM without recorded informed consent");
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).variables()
			.doesNotContainKey(Variables.NRM_REFERENCE)
			.containsEntry(Variables.NRM_SUBMITTED, false);
	}

	@Test
	void allocatingSomeoneWhoIsNotAnInvestigator_isRefusedNamingTheGroup() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());

		assertThatThrownBy(
				() -> complete(journey, UserTasks.ALLOCATE_INVESTIGATOR, Map.of(Variables.INVESTIGATOR, "officer")))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("'investigators'")
			.hasMessageContaining("officer");
		assertThat(journey).isWaitingAt(UserTasks.ALLOCATE_INVESTIGATOR);
		assertThat(journey).variables()
			.doesNotContainKey(Variables.INVESTIGATOR)
			.doesNotContainKey(Variables.CASE_SUPERVISOR);

		complete(journey, UserTasks.ALLOCATE_INVESTIGATOR);
		assertThat(variable(journey, Variables.INVESTIGATOR)).isEqualTo("investigator");
	}

	@Test
	void consentThroughAnInterpreterWhoIsNotProfessional_isRefused() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("interpreterLanguage", "Tigrinya");
		ProcessInstance journey = start(report);
		assertThat(variable(journey, Variables.INTERPRETER_NEEDED)).isEqualTo(true);
		complete(journey, UserTasks.DEPLOY_VICTIM_LIAISON);
		assertThatThrownBy(() -> complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("professional interpreter");
		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, "interpreterArranged", "PROFESSIONAL"));

		// every conversation, whatever its outcome (an undecided answer too)
		for (String outcome : List.of("GIVEN", "DECLINED", "UNDECIDED")) {
			Map<String, Object> answers = consent(outcome);
			answers.put("professionalInterpreterUsed", false);
			assertThatThrownBy(() -> complete(journey, UserTasks.SEEK_INFORMED_CONSENT, answers)).as(outcome)
				.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
				.hasMessageContaining("professional interpreter");
			assertThat(journey).isWaitingAt(UserTasks.SEEK_INFORMED_CONSENT);
			assertThat(journey).variables()
				.doesNotContainKey(Variables.NRM_CONSENT)
				.doesNotContainKey("professionalInterpreterUsed");
		}

		complete(journey, UserTasks.SEEK_INFORMED_CONSENT,
				answers(UserTasks.SEEK_INFORMED_CONSENT, "professionalInterpreterUsed", true));
		assertThat(journey).isWaitingAt(UserTasks.SUBMIT_NRM_REFERRAL);
	}

	@Test
	void adultSupportConsentWithoutAProfessionalInterpreter_isRefused() {
		Map<String, Object> report = presumedChildReport();
		report.put("interpreterLanguage", "Tigrinya");
		ProcessInstance journey = start(report);
		complete(journey, UserTasks.DEPLOY_VICTIM_LIAISON);
		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, "interpreterArranged", "PROFESSIONAL"));
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		ageAssessed(journey, true);

		for (String outcome : List.of("GIVEN", "DECLINED", "UNDECIDED")) {
			assertThatThrownBy(() -> complete(journey, UserTasks.SEEK_ADULT_SUPPORT_CONSENT,
					answers(UserTasks.SEEK_ADULT_SUPPORT_CONSENT, "adultSupportConsent", outcome)))
				.as(outcome)
				.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
				.hasMessageContaining("professional interpreter");
			assertThat(journey).isWaitingAt(UserTasks.SEEK_ADULT_SUPPORT_CONSENT);
		}
		complete(journey, UserTasks.SEEK_ADULT_SUPPORT_CONSENT,
				answers(UserTasks.SEEK_ADULT_SUPPORT_CONSENT, "professionalInterpreterUsed", true));
		assertThat(journey).hasPassed("EndEvent_AdultSupportConsentSought");
	}

	// ------------------------------------------------------------------ closure gates

	@Test
	void childsCaseWithoutAnNrmReferral_cannotClose() {
		ProcessInstance journey = toPathwayWork(JourneyFixtures.childReport());
		toClosureReview(journey);

		assertThatThrownBy(() -> complete(journey, UserTasks.REVIEW_CASE_CLOSURE,
				answers(UserTasks.REVIEW_CASE_CLOSURE, "closureReason", "NO_FURTHER_ACTION", "closureNotes",
						"The family moved away.")))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("A child's case cannot close before an NRM referral is recorded")
			.hasMessageContaining("Still missing: the NRM referral");
		assertThat(journey).isWaitingAt(UserTasks.REVIEW_CASE_CLOSURE);

		// not closing is always possible: the case returns to its reviews
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE, Map.of(Variables.CLOSE_CASE, false));
		assertThat(journey).isNotEnded();
	}

	@Test
	void childsCaseWithItsNrmReferral_closes() {
		ProcessInstance journey = toPathwayWork(JourneyFixtures.childReport());
		complete(journey, UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		complete(journey, UserTasks.RECORD_STRATEGY_DISCUSSION);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		toClosureReview(journey);

		// the reasonable grounds decision is pending: closing needs a stated reason
		assertThatThrownBy(() -> complete(journey, UserTasks.REVIEW_CASE_CLOSURE))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("The reasonable grounds decision is pending.")
			.hasMessageContaining("closureNotes");
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE, answers(UserTasks.REVIEW_CASE_CLOSURE, "closureReason",
				"OTHER", "closureNotes", "Moved to another force, which keeps the referral."));
		assertThat(journey).isEnded().hasPassed(Events.CASE_CLOSED);
	}

	@Test
	void adultsClosureWithAPendingDecision_needsAStatedReason() {
		ProcessInstance journey = toReasonableGrounds(JourneyFixtures.adultReport());
		toClosureReview(journey);

		assertThatThrownBy(() -> complete(journey, UserTasks.REVIEW_CASE_CLOSURE))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("The case still has open items: The reasonable grounds decision is pending.")
			.hasMessageContaining("Closing it now needs a stated reason");
		assertThatThrownBy(() -> complete(journey, UserTasks.REVIEW_CASE_CLOSURE,
				Map.of(Variables.CLOSE_CASE, true, "closureNotes", "No contact for months.")))
			.as("a coded reason too")
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("The reason for closing is required (closureReason)");
		assertThat(journey).isWaitingAt(UserTasks.REVIEW_CASE_CLOSURE);

		complete(journey, UserTasks.REVIEW_CASE_CLOSURE, answers(UserTasks.REVIEW_CASE_CLOSURE, "closureReason",
				"NO_FURTHER_ACTION", "closureNotes", "No contact for months."));
		assertThat(journey).isEnded().hasPassed(Events.CASE_CLOSED);
	}

	@Test
	void adultsClosureWithAMissingEpisodeOpen_needsAStatedReason() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());
		missing(journey);
		toClosureReview(journey);

		assertThatThrownBy(() -> complete(journey, UserTasks.REVIEW_CASE_CLOSURE))
			.hasRootCauseInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("A missing episode is still open.");
		complete(journey, UserTasks.REVIEW_CASE_CLOSURE, answers(UserTasks.REVIEW_CASE_CLOSURE, "closureReason",
				"OTHER", "closureNotes", "Found and returned home abroad."));
		assertThat(journey).isEnded();
	}

	/** A supervisory review that asks for the closure review. */
	static void toClosureReview(ProcessInstance journey) {
		execute(single(jobs(journey, Events.REVIEW_DUE)));
		complete(journey, UserTasks.CONDUCT_SUPERVISORY_REVIEW,
				answers(UserTasks.CONDUCT_SUPERVISORY_REVIEW, Variables.CLOSURE_REQUESTED, true));
		assertThat(openTasks(journey)).contains(UserTasks.REVIEW_CASE_CLOSURE);
	}

	// ------------------------------------------------------------------ presumption of
	// age (s51)

	/**
	 * Each row of {@code presumed-child}, as a journey from the report to the pathway
	 * work.
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "{0}: {5}")
	@org.junit.jupiter.params.provider.CsvSource(nullValues = "-", value = {
			"may be under 18 without age uncertain and an adult date of birth, 1990-01-01, -, false, true, CHILD",
			"under 18 by date of birth, 2012-06-01, -, false, -, CHILD",
			"adult date of birth and an estimate under 18, 1990-01-01, 15, false, -, CHILD",
			"no date of birth and an estimate under 18, -, 15, false, -, CHILD",
			"adult date of birth, 1990-01-01, -, false, -, ADULT",
			"no date of birth and an adult estimate, -, 25, false, -, ADULT",
			"age uncertain and no reason to believe under 18, -, -, true, false, ADULT" })
	void presumptionOfAge_eachAnswerLeadsToItsPathway(String answers, String dateOfBirth, Integer estimatedAge,
			boolean ageUncertain, Boolean mayBeUnder18, String pathway) {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.remove(Variables.DATE_OF_BIRTH);
		report.put(Variables.AGE_UNCERTAIN, ageUncertain);
		if (dateOfBirth != null) {
			report.put(Variables.DATE_OF_BIRTH, dateOfBirth);
		}
		if (estimatedAge != null) {
			report.put(Variables.ESTIMATED_AGE, estimatedAge);
		}
		if (mayBeUnder18 != null) {
			report.put(Variables.MAY_BE_UNDER_18, mayBeUnder18);
		}
		ProcessInstance journey = toPathwayWork(report);

		assertThat(variable(journey, Variables.PATHWAY)).as(answers).isEqualTo(pathway);
		assertThat(journey).isWaitingAt("CHILD".equals(pathway) ? UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL
				: UserTasks.SEEK_INFORMED_CONSENT);
	}

	@Test
	void reportWithoutAnyAgeInformation_isRefused() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.remove(Variables.DATE_OF_BIRTH);
		assertThatThrownBy(() -> start(report)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining(
					"Give at least one of: the date of birth (dateOfBirth), an estimated age (estimatedAge), or that the age is uncertain (ageUncertain)");
		assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
	}

	@Test
	void reportStatingItsOwnPathway_isRefused() {
		Map<String, Object> report = JourneyFixtures.childReport();
		report.put(Variables.PATHWAY, "ADULT");
		report.put(Variables.CHILDRENS_SERVICES_NOTIFIED, true);
		assertThatThrownBy(() -> start(report)).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("not accepted: childrensServicesNotified, pathway");
		assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
	}

	// ------------------------------------------------------------------ due dates

	@Test
	void firstSteps_areDueAccordingToTheStepDeadlines() {
		ProcessInstance journey = start(JourneyFixtures.adultReport());

		Instant opened = ((Date) variable(journey, Variables.CASE_OPENED_AT)).toInstant();
		Instant identified = ((Date) variable(journey, Variables.IDENTIFIED_AT)).toInstant();
		assertThat(task(journey, UserTasks.RECORD_CRIME).getDueDate())
			.isEqualTo(Date.from(opened.plus(Duration.ofHours(24))));
		assertThat(task(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING).getDueDate())
			.isEqualTo(Date.from(identified.plus(Duration.ofHours(2))));
		Task allocate = task(journey, UserTasks.ALLOCATE_INVESTIGATOR);
		assertThat(allocate.getDueDate().toInstant())
			.isCloseTo(allocate.getCreateTime().toInstant().plus(Duration.ofHours(24)), within(1, ChronoUnit.SECONDS));
	}

	// ------------------------------------------------------------------ helpers

	static ProcessInstance start(Map<String, Object> report) {
		return runtimeService().startProcessInstanceByKey(VictimSafeguardingProcess.KEY, report);
	}

	static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/** Moves the engine's clock on, as if the time had passed. */
	static void later(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
	}

	static Map<String, Object> area(Map<String, Object> report, String areaCode) {
		report.put(Variables.AREA_CODE, areaCode);
		return report;
	}

	static Map<String, Object> presumedChildReport() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.remove("dateOfBirth");
		report.put("ageUncertain", true);
		report.put("mayBeUnder18", true);
		return report;
	}

	/**
	 * Started, liaison deployed and immediate safeguarding recorded: the pathway work is
	 * open.
	 */
	static ProcessInstance toPathwayWork(Map<String, Object> report) {
		ProcessInstance journey = start(report);
		complete(journey, UserTasks.DEPLOY_VICTIM_LIAISON);
		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		return journey;
	}

	static ProcessInstance toConsent(Map<String, Object> report) {
		ProcessInstance journey = toPathwayWork(report);
		assertThat(journey).isWaitingAt(UserTasks.SEEK_INFORMED_CONSENT);
		return journey;
	}

	static ProcessInstance toReasonableGrounds(Map<String, Object> report) {
		ProcessInstance journey = toConsent(report);
		complete(journey, UserTasks.SEEK_INFORMED_CONSENT);
		complete(journey, UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(journey).isWaitingAt(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		return journey;
	}

	static Map<String, Object> answers(String key, Object... overrides) {
		Map<String, Object> answers = JourneyFixtures.answers(key);
		for (int i = 0; i < overrides.length; i += 2) {
			answers.put((String) overrides[i], overrides[i + 1]);
		}
		return answers;
	}

	/** The whole checklist confirmed, with this outcome. */
	static Map<String, Object> consent(String outcome) {
		return answers(UserTasks.SEEK_INFORMED_CONSENT, Variables.NRM_CONSENT, outcome);
	}

	static Map<String, Object> decision(String which, String outcome, String date) {
		return Map.of(which + "Decision", outcome, which + "DecisionDate", date);
	}

	static void missing(ProcessInstance journey) {
		runtimeService().createMessageCorrelation(Messages.VICTIM_REPORTED_MISSING)
			.processInstanceBusinessKey(journey.getBusinessKey())
			.correlateWithResult();
	}

	static void found(ProcessInstance journey) {
		runtimeService().createMessageCorrelation(Messages.VICTIM_FOUND)
			.processInstanceBusinessKey(journey.getBusinessKey())
			.correlateWithResult();
	}

	static void consentWithdrawn(ProcessInstance journey) {
		runtimeService().createMessageCorrelation(Messages.CONSENT_WITHDRAWN)
			.processInstanceBusinessKey(journey.getBusinessKey())
			.correlateWithResult();
	}

	static boolean journeyIsWaitingAtConsent(ProcessInstance journey) {
		return openTasks(journey).contains(UserTasks.SEEK_INFORMED_CONSENT);
	}

	static void ageAssessed(ProcessInstance journey, boolean adult) {
		runtimeService().createMessageCorrelation(Messages.AGE_ASSESSMENT_COMPLETED)
			.processInstanceBusinessKey(journey.getBusinessKey())
			.setVariable(Variables.ASSESSED_ADULT, adult)
			.correlateWithResult();
	}

	static Object variable(ProcessInstance journey, String name) {
		return runtimeService().getVariable(journey.getId(), name);
	}

	static List<String> openTasks(ProcessInstance journey) {
		return taskQuery().processInstanceId(journey.getId()).list().stream().map(Task::getTaskDefinitionKey).toList();
	}

	/** How many tasks of this step were ever created in the journey. */
	static long created(ProcessInstance journey, String key) {
		return ENGINE.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(journey.getId())
			.taskDefinitionKey(key)
			.count();
	}

	static Task task(ProcessInstance journey, String key) {
		List<Task> tasks = taskQuery().processInstanceId(journey.getId()).taskDefinitionKey(key).list();
		assertThat(tasks).as("open tasks %s", key).hasSize(1);
		return tasks.get(0);
	}

	static void complete(ProcessInstance journey, String key) {
		complete(journey, key, JourneyFixtures.answers(key));
	}

	static void complete(ProcessInstance journey, String key, Map<String, Object> answers) {
		ENGINE.getTaskService().complete(task(journey, key).getId(), new HashMap<>(answers));
	}

	static List<Job> jobs(ProcessInstance journey, String activityId) {
		return ENGINE.getManagementService()
			.createJobQuery()
			.processInstanceId(journey.getId())
			.activityId(activityId)
			.list();
	}

	static Job single(List<Job> jobs) {
		assertThat(jobs).hasSize(1);
		return jobs.get(0);
	}

	static void runJobs(ProcessInstance journey, String activityId) {
		List<Job> pending = jobs(journey, activityId);
		assertThat(pending).as("jobs at %s", activityId).isNotEmpty();
		for (Job job : pending) {
			execute(job);
		}
	}

}
