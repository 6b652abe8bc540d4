package uk.safeguarding.workflow.process.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.victimcase.AccessLogRepository;

/**
 * Bad input gets a clear error and changes nothing: a table of malformed requests across
 * the start (start and submit-form), four steps' completion (complete and submit-form),
 * message correlation and the case API. Every answer must be a 4xx with a message; no
 * 5xx; and no process instance, task, variable, case record, access-log entry or queued
 * notice appears.
 */
@SharedApplicationTest
class BadInputTest {

	static final String START = "/engine-rest/process-definition/key/victim-safeguarding/start";

	static final String START_FORM = "/engine-rest/process-definition/key/victim-safeguarding/submit-form";

	static final List<String> UNSAFE = List.of("${''.getClass()}", "#{7*7}", "<script>alert(1)</script>");

	record Row(String label, String user, String path, String body) {
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	AccessLogRepository accessLog;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void badInput_getsA4xxWithAMessage_andChangesNothing() throws Exception {
		RestJourney as = new RestJourney(this.rest);
		ResponseEntity<Map<String, Object>> started = as.start("officer", JourneyFixtures.adultReport());
		assertThat(started.getStatusCode().value()).isEqualTo(200);
		String id = (String) started.getBody().get("id");
		String reference = (String) started.getBody().get("businessKey");

		List<Row> rows = new ArrayList<>();
		startRows(rows);
		stepRows(rows, as, id, "officer", UserTasks.RECORD_CRIME,
				Map.of("crimeReference", "text", "crimeRecordedAt", "instant"));
		stepRows(rows, as, id, "supervisor", UserTasks.ALLOCATE_INVESTIGATOR, Map.of("investigator", "user"));
		stepRows(rows, as, id, "supervisor", UserTasks.DEPLOY_VICTIM_LIAISON,
				Map.of("liaisonRole", "choice", "liaisonOfficer", "user"));
		stepRows(rows, as, id, "officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				Map.of("placeOfSafetyArranged", "boolean", "separatedFromControllers", "boolean",
						"furtherVictimsChecked", "boolean", "interpreterArranged", "choice"));
		messageRows(rows, reference);
		String taskId = as.taskId("officer", id, UserTasks.RECORD_CRIME);
		for (String path : List.of(START, START_FORM, "/engine-rest/task/" + taskId + "/complete",
				"/engine-rest/task/" + taskId + "/submit-form", "/engine-rest/message")) {
			for (String malformed : List.of("{", "not json", "[]", "null", "{\"variables\": 5}",
					"{\"variables\": {\"areaCode\": 5}}", "{\"variables\": {\"areaCode\": {\"type\": \"Nope\"}}}",
					"{\"variables\": [1, 2]}")) {
				rows.add(new Row("malformed " + malformed, "officer", path, malformed));
			}
			rows.add(new Row("huge body", "officer", path, "{\"variables\": {\"victimName\": {\"value\": \""
					+ "x".repeat(2 * 1024 * 1024) + "\", \"type\": \"String\"}}}"));
		}

		state(); // jobs already there (the valid case's notices) are not new
		Map<String, Object> before = state();
		List<String> problems = new ArrayList<>();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (Row row : rows) {
			ResponseEntity<String> response = send(row);
			int status = response.getStatusCode().value();
			statuses.merge(status, 1, Integer::sum);
			if (status < 400 || status >= 500) {
				problems.add(status + " for " + row.label() + " at " + row.path() + ": " + response.getBody());
			}
			else if ((status == 400 || status == 413) && !row.path().contains("%2F")) {
				// (Tomcat itself refuses an encoded slash in a path, with its own page)
				String message = messageOf(response.getBody());
				if (message == null || message.isBlank()) {
					problems.add(status + " without a message for " + row.label() + " at " + row.path());
				}
			}
		}
		Map<String, Object> after = state();
		System.out.printf("Bad-input requests sent: %d; answers by status: %s%n", rows.size(), statuses);
		assertThat(rows).hasSizeGreaterThanOrEqualTo(200);
		assertThat(problems).as("requests without a clear 4xx").isEmpty();
		assertThat(after).as("state after %d bad requests", rows.size()).isEqualTo(before);
	}

	private void startRows(List<Row> rows) throws Exception {
		List<Map.Entry<String, Map<String, Object>>> variants = new ArrayList<>();
		for (String required : List.of("areaCode", "exploitationTypes", "ageUncertain", "immediateRisk",
				"careAndSupportNeeds", "victimName")) {
			variants.add(Map.entry("missing " + required, typed(without(required))));
		}
		for (String bool : List.of("ageUncertain", "immediateRisk", "careAndSupportNeeds")) {
			variants.add(Map.entry(bool + " as text", typed(with(bool, "yes"))));
			variants.add(Map.entry(bool + " as a number", typed(with(bool, 1))));
			variants.add(Map.entry(bool + " typed Boolean but not one", retyped(bool, "maybe", "Boolean")));
		}
		Map<String, Object> uncertain = with("ageUncertain", true);
		uncertain.remove("dateOfBirth");
		variants.add(Map.entry("age uncertain without mayBeUnder18", typed(uncertain)));
		variants.add(Map.entry("estimatedAge as words", typed(with("estimatedAge", "ten"))));
		variants.add(Map.entry("estimatedAge typed Integer but not one", retyped("estimatedAge", "ten", "Integer")));
		variants.add(Map.entry("estimatedAge out of range", typed(with("estimatedAge", 500))));
		variants.add(Map.entry("estimatedAge negative", typed(with("estimatedAge", -3))));
		variants.add(Map.entry("dateOfBirth in another format", typed(with("dateOfBirth", "12/04/1990"))));
		variants.add(Map.entry("dateOfBirth in the future", typed(with("dateOfBirth", "2990-01-01"))));
		variants.add(Map.entry("dateOfBirth typed Date but not one", retyped("dateOfBirth", "yesterday", "Date")));
		variants.add(Map.entry("identifiedAt in the future", typed(with("identifiedAt", "2990-01-01T10:00"))));
		variants.add(Map.entry("identifiedAt not a time", typed(with("identifiedAt", "teatime"))));
		for (Map.Entry<String, String> outside : Map
			.of("exploitationTypes", "SLAVERY", "gender", "X", "howCameToNotice", "RUMOUR", "exploitationLocation",
					"MARS", "exploitationPeriod", "FOREVER", "indicatorsSeen", "SHIFTY")
			.entrySet()) {
			variants.add(Map.entry(outside.getKey() + " outside the list",
					typed(with(outside.getKey(), outside.getValue()))));
		}
		variants.add(Map.entry("exploitationTypes empty", typed(with("exploitationTypes", ""))));
		variants.add(Map.entry("unknown area", typed(with("areaCode", "E99999999"))));
		variants.add(Map.entry("area not an ONS code", typed(with("areaCode", "Cardiff"))));
		variants.add(Map.entry("interpreter needed without a language", typed(with("interpreterNeeded", true))));
		// coded, never free text: the anonymous Duty to Notify report draws on them
		variants.add(Map.entry("nationality as free text", typed(with("nationality", "Albanian"))));
		variants.add(Map.entry("exploitationPlace as an address", typed(with("exploitationPlace", "12 Hidden Lane"))));
		variants.add(Map.entry("exploitationPlace an area not in the directory",
				typed(with("exploitationPlace", "E99999999"))));
		variants.add(Map.entry("no age information", typed(without("dateOfBirth"))));
		variants.add(Map.entry("a stated pathway", typed(with("pathway", "ADULT"))));
		for (Map.Entry<String, Integer> oversized : Map
			.of("victimName", 201, "nationality", 101, "interpreterLanguage", 101, "circumstancesNotes", 4001,
					"exploitationPlace", 101, "otherNotes", 4001)
			.entrySet()) {
			variants.add(Map.entry(oversized.getKey() + " oversized",
					typed(with(oversized.getKey(), "y".repeat(oversized.getValue())))));
		}
		for (String field : List.of("victimName", "nationality", "circumstancesNotes", "exploitationPlace",
				"interpreterLanguage", "areaCode", "exploitationTypes", "freeText")) {
			for (String unsafe : UNSAFE) {
				variants.add(Map.entry(field + " with " + unsafe, typed(with(field, unsafe))));
			}
		}
		// personal details the report has no field for would be kept nowhere
		for (String field : List.of("victimAlias", "contactDetails", "address", "homeAddress", "otherNotes")) {
			variants.add(Map.entry(field + ": a personal detail the report has no place for",
					typed(with(field, "Zephyrine Quillfeather's " + field))));
		}
		variants.add(Map.entry("java-serialized object", objectVariable("application/x-java-serialized-object",
				"java.util.HashMap", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==")));
		variants.add(Map.entry("json object of a class not allowed",
				objectVariable("application/json", "java.net.URL", "\"http://example.org\"")));
		variants.add(Map.entry("json value that is not json", retyped("victimName", "{not json", "Json")));
		variants.add(Map.entry("unknown variable type", retyped("victimName", "x", "Nope")));
		for (Map.Entry<String, Map<String, Object>> variant : variants) {
			String body = this.json.writeValueAsString(Map.of("variables", variant.getValue()));
			rows.add(new Row("start: " + variant.getKey(), "officer", START, body));
			rows.add(new Row("start form: " + variant.getKey(), "officer", START_FORM, body));
		}
	}

	private void stepRows(List<Row> rows, RestJourney as, String processInstanceId, String user, String step,
			Map<String, String> fields) throws Exception {
		String taskId = as.taskId(user, processInstanceId, step);
		Map<String, Object> valid = JourneyFixtures.answers(step);
		List<Map.Entry<String, Map<String, Object>>> variants = new ArrayList<>();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			String name = field.getKey();
			Map<String, Object> missing = new LinkedHashMap<>(valid);
			missing.remove(name);
			variants.add(Map.entry("missing " + name, RestJourney.typed(missing)));
			for (String unsafe : UNSAFE) {
				variants.add(Map.entry(name + " with " + unsafe, RestJourney.typed(put(valid, name, unsafe))));
			}
			variants.add(Map.entry(name + " oversized", RestJourney.typed(put(valid, name, "z".repeat(4001)))));
			switch (field.getValue()) {
				case "boolean" -> {
					variants.add(Map.entry(name + " as text", RestJourney.typed(put(valid, name, "perhaps"))));
					variants.add(Map.entry(name + " typed Boolean but not one",
							retype(RestJourney.typed(valid), name, "perhaps", "Boolean")));
				}
				case "choice", "user" ->
					variants.add(Map.entry(name + " outside the list", RestJourney.typed(put(valid, name, "NOBODY"))));
				case "instant" -> {
					variants.add(Map.entry(name + " in the future",
							RestJourney.typed(put(valid, name, "2990-01-01T10:00"))));
					variants.add(Map.entry(name + " not a time", RestJourney.typed(put(valid, name, "teatime"))));
				}
				default -> variants.add(Map.entry(name + " wrong format", RestJourney.typed(put(valid, name, "!!"))));
			}
			variants.add(Map.entry(name + " as a number", RestJourney.typed(put(valid, name, 42))));
		}
		variants.add(Map.entry("a free-text note with an expression",
				RestJourney.typed(put(valid, "stepNotes", "${execution.setVariable('x', 1)}"))));
		for (Map.Entry<String, Map<String, Object>> variant : variants) {
			String body = this.json.writeValueAsString(Map.of("variables", variant.getValue()));
			rows.add(new Row(step + " complete: " + variant.getKey(), user, "/engine-rest/task/" + taskId + "/complete",
					body));
			rows.add(new Row(step + " form: " + variant.getKey(), user, "/engine-rest/task/" + taskId + "/submit-form",
					body));
		}
	}

	private void messageRows(List<Row> rows, String reference) throws Exception {
		rows.add(new Row("message: unknown name", "supervisor", "/engine-rest/message",
				this.json.writeValueAsString(Map.of("messageName", "Nope", "businessKey", reference))));
		rows.add(new Row("message: unknown case", "supervisor", "/engine-rest/message", this.json
			.writeValueAsString(Map.of("messageName", "VictimReportedMissing", "businessKey", "MSHT-1999-000001"))));
		rows.add(new Row("message: no name", "supervisor", "/engine-rest/message",
				this.json.writeValueAsString(Map.of("businessKey", reference))));
		for (Object assessedAdult : List.of("yes", 1, "${true}")) {
			rows.add(
					new Row("message: assessedAdult " + assessedAdult, "supervisor", "/engine-rest/message",
							this.json.writeValueAsString(Map.of("messageName", "AgeAssessmentCompleted", "businessKey",
									reference, "processVariables",
									RestJourney.typed(Map.of("assessedAdult", assessedAdult))))));
		}
		rows.add(new Row("message: assessedAdult missing", "supervisor", "/engine-rest/message", this.json
			.writeValueAsString(Map.of("messageName", "AgeAssessmentCompleted", "businessKey", reference))));
		for (String bad : List.of("MSHT-2026-999999", "..%2F..%2Fetc%2Fpasswd", "%24%7B7*7%7D", "%3Cscript%3E",
				"x".repeat(300), "MSHT-2026-000001%27%20OR%20%271%27=%271")) {
			rows.add(new Row("case API: " + bad, "officer", "GET /api/cases/" + bad, null));
		}
	}

	private ResponseEntity<String> send(Row row) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		TestRestTemplate client = this.rest.withBasicAuth(row.user(), RestJourney.PASSWORD);
		if (row.path().startsWith("GET ")) {
			return client.exchange(java.net.URI.create(this.rest.getRootUri() + row.path().substring(4)),
					HttpMethod.GET, new HttpEntity<>(headers), String.class);
		}
		return client.exchange(row.path(), HttpMethod.POST, new HttpEntity<>(row.body(), headers), String.class);
	}

	private String messageOf(String body) {
		if (body == null) {
			return null;
		}
		try {
			Object message = this.json.readValue(body, Map.class).get("message");
			return (message != null) ? message.toString() : null;
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			// an answer that is not JSON has no message: the caller's assertion on it
			// fails
			return null;
		}
	}

	private Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("process instances", this.runtime.createProcessInstanceQuery().count());
		state.put("historic process instances", this.history.createHistoricProcessInstanceQuery().count());
		state.put("tasks", this.tasks.createTaskQuery().count());
		state.put("variables", this.runtime.createVariableInstanceQuery().count());
		state.put("historic variables", this.history.createHistoricVariableInstanceQuery().count());
		state.put("case records", this.jdbc.queryForObject("select count(*) from victim_case", Long.class));
		// what people did (notices that earlier tests' cases are still delivering write
		// lines with no actor)
		state.put("chronology entries by people",
				this.jdbc.queryForObject("select count(*) from chronology_entry where actor is not null", Long.class));
		state.put("access log entries", this.accessLog.count());
		Set<String> jobs = new HashSet<>();
		for (Job job : this.management.createJobQuery().list()) {
			jobs.add(job.getId());
		}
		state.put("queued notices and timers (new jobs)",
				jobs.stream().filter((j) -> !this.knownJobs.contains(j)).count());
		this.knownJobs.addAll(jobs);
		return state;
	}

	private final Set<String> knownJobs = new HashSet<>();

	private static Map<String, Object> without(String field) {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.remove(field);
		return report;
	}

	private static Map<String, Object> with(String field, Object value) {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put(field, value);
		return report;
	}

	private static Map<String, Object> put(Map<String, Object> valid, String field, Object value) {
		Map<String, Object> answers = new LinkedHashMap<>(valid);
		answers.put(field, value);
		return answers;
	}

	private static Map<String, Object> typed(Map<String, Object> report) {
		return RestJourney.typed(report);
	}

	private static Map<String, Object> retyped(String field, Object value, String type) {
		return retype(RestJourney.typed(JourneyFixtures.adultReport()), field, value, type);
	}

	private static Map<String, Object> retype(Map<String, Object> variables, String field, Object value, String type) {
		Map<String, Object> copy = new LinkedHashMap<>(variables);
		copy.put(field, Map.of("value", value, "type", type));
		return copy;
	}

	private static Map<String, Object> objectVariable(String format, String className, String value) {
		Map<String, Object> variables = RestJourney.typed(JourneyFixtures.adultReport());
		variables.put("payload", Map.of("type", "Object", "value", value, "valueInfo",
				Map.of("serializationDataFormat", format, "objectTypeName", className)));
		return variables;
	}

}
