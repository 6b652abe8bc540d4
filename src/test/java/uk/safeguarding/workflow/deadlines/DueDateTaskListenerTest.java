package uk.safeguarding.workflow.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.safeguarding.workflow.deadlines.process.DeadlinesEnginePlugin;
import uk.safeguarding.workflow.deadlines.process.DueDateTaskListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-date listener in a real (in-memory) engine: {@code bpmn/step-deadlines.dmn} is
 * deployed beside a one-task process whose task id is a real step id, and the created
 * task's due date is checked against a fixed clock.
 */
class DueDateTaskListenerTest {

	private static final Path STEP_DEADLINES = Path.of("bpmn/step-deadlines.dmn");

	private static final String PROCESS_KEY = "deadlines-test";

	@RegisterExtension
	static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.useProcessEngine(buildEngine())
		.build();

	private static ProcessEngine buildEngine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("deadlines-test");
		configuration.setJdbcUrl("jdbc:h2:mem:deadlines;DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.getProcessEnginePlugins().add(new DeadlinesEnginePlugin());
		return configuration.buildProcessEngine();
	}

	@AfterAll
	static void closeEngine() {
		extension.getProcessEngine().close();
	}

	@Test
	void recordCrimeIsDue24HoursAfterTheCaseWasOpened() {
		deploy("UserTask_RecordCrime");
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));

		Task task = start(Map.of("caseOpenedAt", london("2026-03-02T09:15")));

		assertThat(task.getDueDate()).isEqualTo(london("2026-03-03T09:15"));
		assertThat(extension.getTaskService().getVariableLocal(task.getId(), DueDateTaskListener.NEXT_CHASE_AT))
			.isNull();
	}

	@Test
	void dutyToNotifyCreatedOnAFridayIsDueOnMonday() {
		deploy("UserTask_SubmitDutyToNotify");
		ClockUtil.setCurrentTime(london("2026-03-06T15:00"));

		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-03-09T15:00"));
	}

	@Test
	void dutyToNotifyCreatedOnTheFridayBeforeTheSpringBankHolidayIsDueOnTuesday() {
		deploy("UserTask_SubmitDutyToNotify");
		ClockUtil.setCurrentTime(london("2026-05-22T15:00"));

		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-05-26T15:00"));
	}

	@Test
	void immediateSafeguardingIsDue30MinutesAfterIdentificationWhenAtImmediateRisk() {
		deploy("UserTask_RecordImmediateSafeguarding");
		ClockUtil.setCurrentTime(london("2026-03-02T10:05"));

		Task urgent = start(Map.of("identifiedAt", london("2026-03-02T10:00"), "immediateRisk", true));
		Task standard = start(Map.of("identifiedAt", london("2026-03-02T10:00"), "immediateRisk", false));
		Task riskNotRecorded = start(Map.of("identifiedAt", london("2026-03-02T10:00")));

		assertThat(urgent.getDueDate()).isEqualTo(london("2026-03-02T10:30"));
		assertThat(standard.getDueDate()).isEqualTo(london("2026-03-02T12:00"));
		assertThat(riskNotRecorded.getDueDate()).isEqualTo(london("2026-03-02T12:00"));
	}

	@Test
	void anchorsGivenAsFormStringsAreLondonTimes() {
		deploy("UserTask_RecordImmediateSafeguarding");
		ClockUtil.setCurrentTime(london("2026-07-01T10:05"));

		// British Summer Time: 09:00 London is 08:00 UTC
		Task local = start(Map.of("identifiedAt", "2026-07-01T09:00", "immediateRisk", true));
		Task withOffset = start(Map.of("identifiedAt", "2026-07-01T08:00Z", "immediateRisk", true));

		assertThat(local.getDueDate()).isEqualTo(london("2026-07-01T09:30"));
		assertThat(withOffset.getDueDate()).isEqualTo(london("2026-07-01T09:30"));
	}

	@Test
	void reasonableGroundsDecisionIsDue5WorkingDaysAfterSubmissionAndChased20WorkingDaysLater() {
		deploy("UserTask_RecordReasonableGroundsDecision");
		ClockUtil.setCurrentTime(london("2026-03-09T09:00"));

		Task task = start(Map.of("nrmSubmittedAt", london("2026-03-06T16:00")));

		assertThat(task.getDueDate()).isEqualTo(london("2026-03-13T16:00"));
		// 20 working days on, over Good Friday and Easter Monday 2026
		assertThat(extension.getTaskService().getVariableLocal(task.getId(), DueDateTaskListener.NEXT_CHASE_AT))
			.isEqualTo(london("2026-04-14T16:00"));
		// task-local: the chase belongs to this task, not to the process
		assertThat(extension.getRuntimeService()
			.getVariable(task.getProcessInstanceId(), DueDateTaskListener.NEXT_CHASE_AT)).isNull();
	}

	@Test
	void conclusiveGroundsDecisionIsDue30CalendarDaysAfterTheReasonableGroundsDecisionDate() {
		deploy("UserTask_RecordConclusiveGroundsDecision");
		ClockUtil.setCurrentTime(london("2026-03-11T09:00"));

		// the form submits a date only: the start of that day in London
		Task task = start(Map.of("reasonableGroundsDecisionDate", "2026-03-10"));

		assertThat(task.getDueDate()).isEqualTo(london("2026-04-09T00:00"));
		assertThat(extension.getTaskService().getVariableLocal(task.getId(), DueDateTaskListener.NEXT_CHASE_AT))
			.isEqualTo(london("2026-07-08T00:00"));
	}

	@Test
	void aMissingAnchorCountsFromTheTaskCreation() {
		deploy("UserTask_RecordCrime");
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));

		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-03-03T11:00"));
		assertThat(start(Map.of("caseOpenedAt", "not a date")).getDueDate()).isEqualTo(london("2026-03-03T11:00"));
	}

	@Test
	void aTaskCreatedAnchorCountsFromTheClock() {
		deploy("UserTask_AllocateInvestigator");
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));

		assertThat(start(Map.of("caseOpenedAt", london("2026-03-01T08:00"))).getDueDate())
			.isEqualTo(london("2026-03-03T11:00"));
	}

	@Test
	void anyOtherUserTaskGetsTheLocalDefaultOf5WorkingDays() {
		deploy("UserTask_NotInTheTable");
		ClockUtil.setCurrentTime(london("2026-12-23T10:00"));

		// 24, 29, 30, 31 December and 4 January (Christmas, Boxing Day substitute, New
		// Year)
		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2027-01-04T10:00"));
	}

	@Test
	void theDecisionOverridesAModelDueDateAndModelListenersSeeTheDueDate() {
		deploy(Bpmn.createExecutableProcess(PROCESS_KEY)
			.startEvent()
			.userTask("UserTask_SubmitNrmReferral")
			.camundaDueDate("2030-01-01T00:00:00")
			.camundaTaskListenerExpression("create", "${task.setVariableLocal('dueSeenByModelListener', task.dueDate)}")
			.endEvent()
			.done());
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));

		Task task = start(Map.of());

		assertThat(task.getDueDate()).isEqualTo(london("2026-03-04T11:00"));
		assertThat(extension.getTaskService().getVariableLocal(task.getId(), "dueSeenByModelListener"))
			.isEqualTo(london("2026-03-04T11:00"));
	}

	@Test
	void aUserWithoutRightsOnTheDecisionStillGetsTasksWithDueDatesEvenWhenCustomCodeIsChecked() {
		deploy("UserTask_SubmitDutyToNotify");
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));
		AuthorizationService authorizations = extension.getAuthorizationService();
		Authorization startProcess = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		startProcess.setUserId("officer");
		startProcess.setResource(Resources.PROCESS_DEFINITION);
		startProcess.setResourceId(PROCESS_KEY);
		startProcess.addPermission(Permissions.CREATE_INSTANCE);
		authorizations.saveAuthorization(startProcess);
		Authorization createInstance = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		createInstance.setUserId("officer");
		createInstance.setResource(Resources.PROCESS_INSTANCE);
		createInstance.setResourceId(Authorization.ANY);
		createInstance.addPermission(Permissions.CREATE);
		authorizations.saveAuthorization(createInstance);
		String processInstanceId;
		try {
			extension.getProcessEngineConfiguration().setAuthorizationEnabled(true);
			// listeners run unchecked by default; with this on, only the listener's own
			// runWithoutAuthorization lets the decision be evaluated
			extension.getProcessEngineConfiguration().setAuthorizationEnabledForCustomCode(true);
			extension.getIdentityService().setAuthenticatedUserId("officer");
			processInstanceId = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY).getId();
		}
		finally {
			extension.getIdentityService().clearAuthentication();
			extension.getProcessEngineConfiguration().setAuthorizationEnabled(false);
			extension.getProcessEngineConfiguration().setAuthorizationEnabledForCustomCode(false);
			authorizations.deleteAuthorization(startProcess.getId());
			authorizations.deleteAuthorization(createInstance.getId());
		}

		Task task = extension.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(task.getDueDate()).isEqualTo(london("2026-03-03T11:00"));
	}

	@Test
	void withoutTheDecisionDeployedATaskStillGetsTheFallbackDueDate() {
		Deployment deployment = extension.getRepositoryService()
			.createDeployment()
			.addModelInstance("deadlines-test.bpmn", model("UserTask_RecordCrime"))
			.deploy();
		extension.manageDeployment(deployment);
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));

		assertThat(start(Map.of("caseOpenedAt", london("2026-03-02T09:15"))).getDueDate())
			.isEqualTo(london("2026-03-09T11:00"));
	}

	@Test
	void aRevisitThatAppearsOnTime_isDue28DaysAfterTheDecline() {
		deploy("UserTask_RevisitConsent");
		// the timer fires when the row says it appears: 21 days after the decline
		ClockUtil.setCurrentTime(london("2026-04-27T10:00"));

		assertThat(start(Map.of("consentDeclinedAt", london("2026-04-06T10:00"))).getDueDate())
			.isEqualTo(london("2026-05-04T10:00"));
	}

	@Test
	void aTimerStartedStepThatAppearsLate_isNeverCreatedOverdue() {
		deploy("UserTask_ConductSupervisoryReview");
		// the last review was 34 days ago (a closure review went back to regular
		// reviews):
		// due 28 days after it would already be past; it is due 7 days after it appears,
		// as the row's 21 and 28 days say
		ClockUtil.setCurrentTime(london("2026-05-10T10:00"));

		Task task = start(Map.of("lastReviewAt", london("2026-04-06T10:00")));

		assertThat(task.getDueDate()).isEqualTo(london("2026-05-17T10:00")).isAfter(ClockUtil.getCurrentTime());
	}

	@Test
	void theTableIsEvaluatedOncePerVersionAndStep_andANewVersionIsUsedAtOnce() {
		deploy("UserTask_SubmitDutyToNotify");
		ClockUtil.setCurrentTime(london("2026-03-02T11:00"));
		long before = extension.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(StepDeadlines.DECISION_KEY)
			.count();

		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-03-03T11:00"));
		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-03-03T11:00"));
		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-03-03T11:00"));
		assertThat(extension.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(StepDeadlines.DECISION_KEY)
			.count()).as("three tasks of one step: one evaluation").isEqualTo(before + 1);

		// a force changes the row (3 working days) and deploys the table again
		String changed = table().replaceFirst("(<outputEntry id=\"Rule_12_Amount\">\\s*<text>)1(</text>)", "$13$2");
		extension.manageDeployment(
				extension.getRepositoryService().createDeployment().addString("step-deadlines.dmn", changed).deploy());

		assertThat(start(Map.of()).getDueDate()).isEqualTo(london("2026-03-05T11:00"));
	}

	private static String table() {
		try {
			return Files.readString(STEP_DEADLINES);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deploy(String userTaskId) {
		deploy(model(userTaskId));
	}

	private static BpmnModelInstance model(String userTaskId) {
		UserTaskBuilder task = Bpmn.createExecutableProcess(PROCESS_KEY).startEvent().userTask(userTaskId);
		return task.endEvent().done();
	}

	private static void deploy(BpmnModelInstance model) {
		try (InputStream dmn = Files.newInputStream(STEP_DEADLINES)) {
			DeploymentBuilder builder = extension.getRepositoryService()
				.createDeployment()
				.addInputStream("step-deadlines.dmn", dmn)
				.addModelInstance("deadlines-test.bpmn", model);
			extension.manageDeployment(builder.deploy());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Task start(Map<String, Object> variables) {
		String processInstanceId = extension.getRuntimeService()
			.startProcessInstanceByKey(PROCESS_KEY, new HashMap<>(variables))
			.getId();
		return extension.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private static Date london(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant());
	}

}
