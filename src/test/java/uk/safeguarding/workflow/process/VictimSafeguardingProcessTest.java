package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Events;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.ServiceTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/** One test per path of {@code victim-safeguarding}, on the engine alone. */
class VictimSafeguardingProcessTest {

	static ProcessEngine ENGINE = JourneyTestEngine.build("journey");

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

	@BeforeEach
	void setUp() {
		JourneyTestEngine.registerFakes();
		JourneyFixtures.createPeople(ENGINE);
		ENGINE.getIdentityService().setAuthenticatedUserId("officer");
	}

	@AfterEach
	void tearDown() {
		ENGINE.getIdentityService().clearAuthentication();
		Mocks.reset();
		for (ProcessInstance instance : ENGINE.getRuntimeService().createProcessInstanceQuery().list()) {
			ENGINE.getRuntimeService().deleteProcessInstance(instance.getId(), "test finished");
		}
	}

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
	}

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
	}

	// ------------------------------------------------------------------ helpers

	static ProcessInstance start(Map<String, Object> report) {
		return runtimeService().startProcessInstanceByKey(VictimSafeguardingProcess.KEY, report);
	}

	ProcessInstance toConsent(Map<String, Object> report) {
		ProcessInstance journey = start(report);
		complete(journey, UserTasks.DEPLOY_VICTIM_LIAISON);
		complete(journey, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		return journey;
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

	static void runJobs(ProcessInstance journey, String activityId) {
		for (Job pending : ENGINE.getManagementService()
			.createJobQuery()
			.processInstanceId(journey.getId())
			.activityId(activityId)
			.list()) {
			execute(pending);
		}
	}

}
