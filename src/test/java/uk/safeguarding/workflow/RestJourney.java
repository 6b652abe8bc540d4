package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives the journey through the engine REST API as the demo users would, with HTTP
 * Basic.
 */
public final class RestJourney {

	public static final String PASSWORD = "Journey-Test-Pa55!";

	private final TestRestTemplate rest;

	public RestJourney(TestRestTemplate rest) {
		this.rest = rest;
	}

	public static Map<String, Object> typed(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			Map<String, Object> typed = new LinkedHashMap<>();
			typed.put("value", value);
			if (value instanceof Boolean) {
				typed.put("type", "Boolean");
			}
			else if (value instanceof Integer) {
				typed.put("type", "Integer");
			}
			else if (value instanceof String) {
				typed.put("type", "String");
			}
			variables.put(name, typed);
		});
		return variables;
	}

	public ResponseEntity<Map<String, Object>> start(String user, Map<String, Object> report) {
		return exchange(user, HttpMethod.POST, "/engine-rest/process-definition/key/victim-safeguarding/start",
				Map.of("variables", typed(report)));
	}

	public List<Map<String, Object>> tasks(String user, String processInstanceId) {
		ResponseEntity<List<Map<String, Object>>> response = this.rest.withBasicAuth(user, PASSWORD)
			.exchange("/engine-rest/task?processInstanceId=" + processInstanceId, HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					});
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	public String taskId(String user, String processInstanceId, String key) {
		return tasks(user, processInstanceId).stream()
			.filter((task) -> key.equals(task.get("taskDefinitionKey")))
			.map((task) -> (String) task.get("id"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(user + " cannot see an open task " + key));
	}

	public ResponseEntity<Map<String, Object>> complete(String user, String taskId, Map<String, Object> answers) {
		return exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
				Map.of("variables", typed(answers)));
	}

	public void completeStep(String user, String processInstanceId, String key, Map<String, Object> answers) {
		String taskId = taskId(user, processInstanceId, key);
		ResponseEntity<Map<String, Object>> response = complete(user, taskId, answers);
		assertThat(response.getStatusCode().value()).as("%s completes %s: %s", user, key, response.getBody())
			.isEqualTo(204);
	}

	/** Starts a journey as Tasklist does: the start form submitted. */
	public ResponseEntity<Map<String, Object>> startByForm(String user, Map<String, Object> report) {
		return exchange(user, HttpMethod.POST, "/engine-rest/process-definition/key/victim-safeguarding/submit-form",
				Map.of("variables", typed(report)));
	}

	/** Completes a step as Tasklist does: the task's form submitted. */
	public ResponseEntity<Map<String, Object>> submitForm(String user, String taskId, Map<String, Object> answers) {
		return exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", typed(answers)));
	}

	/**
	 * Correlates a message to the case with this business key, with these variables; the
	 * answer's body as text (the correlation results, or the refusal).
	 */
	public ResponseEntity<String> correlate(String user, String messageName, String businessKey,
			Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messageName", messageName);
		body.put("businessKey", businessKey);
		body.put("processVariables", typed(variables));
		body.put("resultEnabled", true);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, PASSWORD)
			.exchange("/engine-rest/message", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	public ResponseEntity<Map<String, Object>> get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null);
	}

	public ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, PASSWORD)
			.exchange(path, method, new HttpEntity<>(body, headers),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
	}

}
