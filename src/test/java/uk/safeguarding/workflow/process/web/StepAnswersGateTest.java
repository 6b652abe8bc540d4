package uk.safeguarding.workflow.process.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.identity.SecurityControlsTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.JourneyValues;
import uk.safeguarding.workflow.process.StepForms;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * Each step accepts only its own answers (issue 8 item 1), over every user task of the
 * model: for each journey value the models steer by that the step's form does not ask, a
 * completion that adds it to otherwise valid answers is refused with a 400 naming the
 * key, over {@code /engine-rest/.../complete}, {@code /engine-rest/.../submit-form} and
 * Tasklist's own API, and nothing changes: variables, tasks, case record, chronology. The
 * refusal counts are printed.
 */
@SharedApplicationTest
class StepAnswersGateTest {

	/** A value of the right kind for each journey value, as a client would send it. */
	static final Map<String, Object> TRIED = Map.of("pathway", "ADULT", "ageReassessment", "NOW_ADULT", "nrmConsent",
			"GIVEN", "reasonableGroundsDecision", "POSITIVE", "conclusiveGroundsDecision", "POSITIVE",
			"latestNegativeDecision", "REASONABLE_GROUNDS", "undecidedContacts", 0, "maxUndecidedContacts", 99,
			"estimatedAge", 30);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcTemplate jdbc;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void aCompletionCarryingAJourneyValueItsFormDoesNotAsk_isRefusedNamingIt_andChangesNothing() throws IOException {
		RestJourney as = new RestJourney(this.rest);
		ResponseEntity<Map<String, Object>> started = as.start("officer", JourneyFixtures.childReport());
		assertThat(started.getStatusCode().value()).isEqualTo(200);
		String caseInstance = (String) started.getBody().get("id");
		String reference = (String) started.getBody().get("businessKey");
		Map<String, Object> caseVariables = this.runtime.getVariables(caseInstance);
		SecurityControlsTest.WebappSession tasklist = SecurityControlsTest.WebappSession.login(this.rest, "officer");

		Set<String> journeyValues = JourneyValues.all();
		assertThat(journeyValues).as("journey values read from the models")
			.contains("pathway", "under18ByDateOfBirth", "mayBeUnder18", "childrensServicesNotified", "nrmConsent",
					"nrmSubmitted", "closeCase", "closureRequested", "closureReviewDue", "ageReassessment");
		Map<String, BiFunction<String, Map<String, Object>, ResponseEntity<String>>> endpoints = new LinkedHashMap<>();
		endpoints.put("engine-rest complete",
				(taskId, answers) -> post(as, "/engine-rest/task/" + taskId + "/complete", answers));
		endpoints.put("engine-rest submit-form",
				(taskId, answers) -> post(as, "/engine-rest/task/" + taskId + "/submit-form", answers));
		endpoints.put("Tasklist API submit-form",
				(taskId, answers) -> tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
						Map.of("variables", RestJourney.typed(answers))));

		Map<String, Integer> refusals = new TreeMap<>();
		Map<String, Set<String>> serverOnlyByStep = new TreeMap<>();
		List<String> userTasks = userTasks();
		for (String step : userTasks) {
			ProcessInstance positioned = this.runtime.createProcessInstanceByKey(VictimSafeguardingProcess.KEY)
				.businessKey(reference)
				.setVariables(caseVariables)
				.startBeforeActivity(step)
				.execute();
			Task task = this.tasks.createTaskQuery()
				.processInstanceId(positioned.getId())
				.taskDefinitionKey(step)
				.singleResult();
			assertThat(task).as("a task of %s", step).isNotNull();
			grantOfficer(task.getId());
			Set<String> formKeys = StepForms.ofTask(this.forms, task.getId());
			Map<String, Object> answers = new HashMap<>(JourneyFixtures.answers(step));
			answers.keySet().retainAll(formKeys);
			Set<String> serverOnly = new TreeSet<>(journeyValues);
			serverOnly.removeAll(formKeys);
			serverOnlyByStep.put(step, serverOnly);
			String before = snapshot(positioned.getId(), reference, step);

			// every value the form does not ask, at once (StepAnswersGuardTest tries each
			// alone, on the engine alone)
			Map<String, Object> withValues = new HashMap<>(answers);
			serverOnly.forEach((value) -> withValues.put(value, TRIED.getOrDefault(value, true)));
			for (var endpoint : endpoints.entrySet()) {
				ResponseEntity<String> answer = endpoint.getValue().apply(task.getId(), withValues);
				assertThat(answer.getStatusCode().value())
					.as("%s of %s with %s: %s", endpoint.getKey(), step, serverOnly, answer.getBody())
					.isEqualTo(400);
				Map<?, ?> body = this.json.readValue(answer.getBody(), Map.class);
				assertThat((String) body.get("message")).as("%s of %s", endpoint.getKey(), step)
					.contains("not accepted: " + String.join(", ", serverOnly));
				assertThat(body.get("unexpected")).isEqualTo(List.copyOf(serverOnly));
				refusals.merge(endpoint.getKey(), 1, Integer::sum);
			}
			assertThat(snapshot(positioned.getId(), reference, step)).as("%s after the refusals", step)
				.isEqualTo(before);
		}

		// the gate lets the step's own answers through
		Task crime = this.tasks.createTaskQuery()
			.processInstanceId(caseInstance)
			.taskDefinitionKey(VictimSafeguardingProcess.UserTasks.RECORD_CRIME)
			.singleResult();
		ResponseEntity<String> own = post(as, "/engine-rest/task/" + crime.getId() + "/complete",
				JourneyFixtures.answers(VictimSafeguardingProcess.UserTasks.RECORD_CRIME));
		assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(204);

		int total = refusals.values().stream().mapToInt(Integer::intValue).sum();
		System.out.println("Step answers gate: " + userTasks.size() + " user tasks, " + journeyValues.size()
				+ " journey values " + journeyValues);
		serverOnlyByStep.forEach((step, values) -> System.out
			.println("  " + step + ": " + values.size() + " server-only values refused " + values));
		System.out.println("Step answers gate refusals (one completion per step and endpoint, all values at once): "
				+ refusals + ", total " + total);
		assertThat(total).isEqualTo(3 * userTasks.size());
	}

	@Test
	void aStartStatingItsPathway_isRefusedNamingIt_andStartsNothing() {
		RestJourney as = new RestJourney(this.rest);
		long instances = this.runtime.createProcessInstanceQuery().count();
		long cases = count("select count(*) from victim_case");
		for (String path : List.of("start", "submit-form")) {
			Map<String, Object> report = JourneyFixtures.childReport();
			report.put("pathway", "ADULT");
			report.put("under18ByDateOfBirth", false);
			ResponseEntity<Map<String, Object>> answer = as.exchange("officer",
					org.springframework.http.HttpMethod.POST,
					"/engine-rest/process-definition/key/victim-safeguarding/" + path,
					Map.of("variables", RestJourney.typed(report)));
			assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
			assertThat((String) answer.getBody().get("message")).as(path)
				.contains("not accepted: pathway, under18ByDateOfBirth");
		}
		assertThat(this.runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(count("select count(*) from victim_case")).isEqualTo(cases);
	}

	private ResponseEntity<String> post(RestJourney as, String path, Map<String, Object> answers) {
		ResponseEntity<Map<String, Object>> answer = as.exchange("officer", org.springframework.http.HttpMethod.POST,
				path, Map.of("variables", RestJourney.typed(answers)));
		try {
			return ResponseEntity.status(answer.getStatusCode())
				.body((answer.getBody() != null) ? this.json.writeValueAsString(answer.getBody()) : null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The officer may work this task (the test positions tasks outside the journey). */
	private void grantOfficer(String taskId) {
		Authorization grant = this.authorizations.createAuthorizationQuery()
			.userIdIn("officer")
			.resourceType(Resources.TASK)
			.resourceId(taskId)
			.list()
			.stream()
			.filter((existing) -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
			.findFirst()
			.orElseGet(() -> {
				Authorization created = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				created.setUserId("officer");
				created.setResource(Resources.TASK);
				created.setResourceId(taskId);
				return created;
			});
		grant.addPermission(Permissions.ALL);
		this.authorizations.saveAuthorization(grant);
	}

	/** What a refused completion must leave as it was. */
	private String snapshot(String processInstanceId, String reference, String step) {
		List<String> state = new ArrayList<>();
		state.add("variables " + new TreeMap<>(this.runtime.getVariables(processInstanceId)));
		state.add("tasks " + this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			.map((t) -> t.getTaskDefinitionKey() + "/" + t.getId())
			.sorted()
			.toList());
		state.add("case " + this.jdbc.queryForList(
				"select status, pathway, crime_reference, investigator, liaison_officer, supervisor, nrm_reference, duty_to_notify_reference, reasonable_grounds_decision, conclusive_grounds_decision, closed_at, closure_reason from victim_case where reference = ?",
				reference));
		// (the case's own notices write chronology entries in the background: count the
		// step's)
		state.add("chronology " + this.jdbc.queryForObject(
				"select count(*) from chronology_entry c join victim_case v on c.case_id = v.id where v.reference = ? and c.step = ?",
				Long.class, reference, step));
		state.add("consents " + count("select count(*) from consent_record"));
		return String.join("\n", state);
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private List<String> userTasks() throws IOException {
		String definitionId = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definitionId);
		return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).sorted().toList();
	}

}
