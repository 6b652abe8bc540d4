package uk.safeguarding.workflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * Journeys over the product's engine REST API, as Tasklist and other clients call it,
 * with HTTP Basic as the demo users. What is not a person's call (time passing, and the
 * checks of where a journey went) goes to the engine in-process.
 */
public final class RestApi implements JourneyApi {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final String password;

	private final JourneyApi engine;

	public RestApi(String base, String password, JourneyApi engine) {
		this.base = base + "/engine-rest";
		this.password = password;
		this.engine = engine;
	}

	static Map<String, Object> typed(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			Map<String, Object> typed = new LinkedHashMap<>();
			typed.put("value", value);
			typed.put("type",
					(value instanceof Boolean) ? "Boolean" : (value instanceof Integer) ? "Integer" : "String");
			variables.put(name, typed);
		});
		return variables;
	}

	private HttpResponse<String> send(String user, String method, String path, Object body) {
		try {
			String auth = Base64.getEncoder()
				.encodeToString((user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Basic " + auth)
				.header("Accept", "application/json");
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static <T> T read(HttpResponse<String> response, int expected, TypeReference<T> type) {
		if (response.statusCode() != expected) {
			throw new AssertionError(response.request().method() + " " + response.request().uri().getPath() + ": "
					+ response.statusCode() + " " + response.body());
		}
		try {
			return (type == null) ? null : JSON.readValue(response.body(), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String start(String user, Map<String, Object> report) {
		Map<String, Object> started = read(
				send(user, "POST", "/process-definition/key/" + VictimSafeguardingProcess.KEY + "/start",
						Map.of("variables", typed(report))),
				200, new TypeReference<Map<String, Object>>() {
				});
		return (String) started.get("id");
	}

	@Override
	public List<OpenStep> steps(String user, String processInstanceId) {
		List<Map<String, Object>> tasks = read(send(user, "GET", "/task?processInstanceId=" + processInstanceId, null),
				200, new TypeReference<List<Map<String, Object>>>() {
				});
		return tasks.stream()
			.map((task) -> new OpenStep((String) task.get("id"), (String) task.get("taskDefinitionKey")))
			.toList();
	}

	@Override
	public int taskList(String user) {
		return read(send(user, "GET", "/task?sortBy=created&sortOrder=desc&firstResult=0&maxResults=15", null), 200,
				new TypeReference<List<Map<String, Object>>>() {
				})
			.size();
	}

	@Override
	public void complete(String user, String taskId, Map<String, Object> answers) {
		HttpResponse<String> response = send(user, "POST", "/task/" + taskId + "/complete",
				Map.of("variables", typed(answers)));
		if (response.statusCode() == 409) {
			throw new Conflict(response.body());
		}
		read(response, 204, null);
	}

	@Override
	public boolean fireTimer(String processInstanceId, String activityId) {
		return this.engine.fireTimer(processInstanceId, activityId);
	}

	@Override
	public void runDueJobs(String processInstanceId) {
		this.engine.runDueJobs(processInstanceId);
	}

	@Override
	public String endActivity(String processInstanceId) {
		return this.engine.endActivity(processInstanceId);
	}

	@Override
	public Set<String> createdSteps(String processInstanceId) {
		return this.engine.createdSteps(processInstanceId);
	}

}
