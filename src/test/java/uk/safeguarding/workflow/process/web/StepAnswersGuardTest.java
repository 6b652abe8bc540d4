package uk.safeguarding.workflow.process.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.JourneyTestEngine;
import uk.safeguarding.workflow.process.JourneyValues;
import uk.safeguarding.workflow.process.StepForms;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * The table of issue 8 item 1, whole, on the engine alone: every user task of the model,
 * every journey value the models steer by that its form does not ask, each added alone to
 * otherwise valid answers, over the three ways a step is completed — the engine REST
 * API's {@code complete} and {@code submit-form} and Tasklist's own API. Each is refused
 * with a 400 naming the key, before the engine sees it, and the task and its variables
 * are as they were. {@code StepAnswersGateTest} runs the same gate over HTTP in the
 * running application.
 */
class StepAnswersGuardTest {

	static final ProcessEngine ENGINE = JourneyTestEngine.build("step-answers");

	static final List<String> PATHS = List.of("/engine-rest/task/%s/complete", "/engine-rest/task/%s/submit-form",
			"/camunda/api/engine/engine/default/task/%s/submit-form");

	final ObjectMapper json = new ObjectMapper();

	@AfterAll
	static void close() {
		Mocks.reset();
		ENGINE.close();
	}

	@Test
	void everyJourneyValueAStepsFormDoesNotAsk_isRefusedAtEveryStep_overEveryWayOfCompletingIt() throws Exception {
		JourneyTestEngine.registerFakes();
		JourneyFixtures.createPeople(ENGINE);
		var engineStart = ENGINE.getRuntimeService()
			.startProcessInstanceByKey(VictimSafeguardingProcess.KEY, JourneyFixtures.childReport());
		Map<String, Object> caseVariables = ENGINE.getRuntimeService().getVariables(engineStart.getId());
		StepAnswersGuard guard = new StepAnswersGuard(ENGINE.getIdentityService(), ENGINE.getTaskService(),
				ENGINE.getFormService(), ENGINE.getRepositoryService());
		Set<String> journeyValues = JourneyValues.all();

		Map<String, Integer> refusals = new LinkedHashMap<>();
		Map<String, Integer> perStep = new TreeMap<>();
		for (String step : userTasks()) {
			ProcessInstance positioned = ENGINE.getRuntimeService()
				.createProcessInstanceByKey(VictimSafeguardingProcess.KEY)
				.businessKey(engineStart.getBusinessKey())
				.setVariables(caseVariables)
				.startBeforeActivity(step)
				.execute();
			Task task = ENGINE.getTaskService()
				.createTaskQuery()
				.processInstanceId(positioned.getId())
				.taskDefinitionKey(step)
				.singleResult();
			Set<String> formKeys = StepForms.ofTask(ENGINE.getFormService(), task.getId());
			Map<String, Object> answers = new HashMap<>(JourneyFixtures.answers(step));
			answers.keySet().retainAll(formKeys);
			Set<String> serverOnly = new TreeSet<>(journeyValues);
			serverOnly.removeAll(formKeys);
			Map<String, Object> before = new TreeMap<>(ENGINE.getRuntimeService().getVariables(positioned.getId()));

			for (String value : serverOnly) {
				Map<String, Object> withValue = new HashMap<>(answers);
				withValue.put(value, true);
				for (String path : PATHS) {
					MockHttpServletResponse response = new MockHttpServletResponse();
					MockFilterChain chain = new MockFilterChain();
					ENGINE.getIdentityService().setAuthenticatedUserId("officer");
					try {
						guard.doFilter(request(String.format(path, task.getId()), withValue), response, chain);
					}
					finally {
						ENGINE.getIdentityService().clearAuthentication();
					}
					assertThat(response.getStatus()).as("%s with %s at %s", path, value, step).isEqualTo(400);
					assertThat(chain.getRequest()).as("passed on to the engine").isNull();
					Map<?, ?> body = this.json.readValue(response.getContentAsString(), Map.class);
					assertThat((String) body.get("message")).contains("not accepted: " + value);
					refusals.merge(path.replace("%s", "{id}"), 1, Integer::sum);
					perStep.merge(step, 1, Integer::sum);
				}
			}
			assertThat(ENGINE.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
			assertThat(new TreeMap<>(ENGINE.getRuntimeService().getVariables(positioned.getId())))
				.as("variables of %s", step)
				.isEqualTo(before);

			// and the step's own answers pass on to the engine
			MockFilterChain chain = new MockFilterChain();
			guard.doFilter(request(String.format(PATHS.get(0), task.getId()), answers), new MockHttpServletResponse(),
					chain);
			assertThat(chain.getRequest()).as("%s with its own answers", step).isNotNull();
		}
		System.out.println("Journey values (server-only unless a step's form asks them): " + journeyValues);
		System.out.println("Refusals per step: " + perStep);
		System.out.println("Refusals per way of completing: " + refusals + ", total "
				+ refusals.values().stream().mapToInt(Integer::intValue).sum());
		assertThat(perStep).as("every user task tried").hasSize(userTasks().size());
	}

	private MockHttpServletRequest request(String uri, Map<String, Object> answers) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		Map<String, Object> variables = new LinkedHashMap<>();
		answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		request
			.setContent(this.json.writeValueAsString(Map.of("variables", variables)).getBytes(StandardCharsets.UTF_8));
		request.setContentType("application/json");
		return request;
	}

	private static List<String> userTasks() {
		String definition = ENGINE.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		return ENGINE.getRepositoryService()
			.getBpmnModelInstance(definition)
			.getModelElementsByType(UserTask.class)
			.stream()
			.map(UserTask::getId)
			.sorted()
			.toList();
	}

}
