package uk.safeguarding.workflow.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;

/**
 * An area an administrator adds to the directory while the product runs is offered by the
 * start form the engine serves (what Tasklist shows), a case opens there, and a rename
 * shows at once, in the form and in the NRM referral summary.
 */
@SharedApplicationTest
class StartFormAreasTest {

	static final String CODE = "E07999821";

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	SafeguardingDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StartFormAreas startForm;

	@Test
	void anAreaAddedAtRunTime_isOfferedByTheStartForm_aCaseOpensThere_andARenameShowsAtOnce() throws Exception {
		assertThat(areaOptions()).doesNotContainKey(CODE);

		ResponseEntity<String> added = call("admin", HttpMethod.POST, "/api/directory", area("Wyre Vale"));
		assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
		Map<String, String> offered = areaOptions();
		assertThat(offered).containsEntry(CODE, "Wyre Vale").containsEntry("W06000015", "Cardiff");
		assertThat(offered).as("every area of the directory, and only those").hasSize(this.directory.size());

		Map<String, Object> report = JourneyFixtures.childReport();
		report.put("areaCode", CODE);
		ResponseEntity<String> started = call("officer", HttpMethod.POST,
				"/engine-rest/process-definition/key/victim-safeguarding/submit-form",
				Map.of("variables", typed(report)));
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
		String reference = JSON.readTree(started.getBody()).get("businessKey").asText();
		assertThat(JSON.readTree(call("officer", HttpMethod.GET, "/api/cases/" + reference, null).getBody())
			.get("areaCode")
			.asText()).isEqualTo(CODE);
		assertThat(nrmSummary(reference))
			.contains("Local authority area where the person was found: Wyre Vale (" + CODE + ")");

		ResponseEntity<String> renamed = call("admin", HttpMethod.PUT, "/api/directory/" + CODE,
				area("Wyre Forest Vale"));
		assertThat(renamed.getStatusCode().value()).as(renamed.getBody()).isEqualTo(200);
		assertThat(areaOptions()).containsEntry(CODE, "Wyre Forest Vale").doesNotContainValue("Wyre Vale");
		assertThat(nrmSummary(reference)).contains("Wyre Forest Vale (" + CODE + ")");

		assertThat(this.startForm.offerTheDirectory()).as("nothing to deploy while the form and directory agree")
			.isFalse();
	}

	@Test
	void anAreaTakenOutOfTheDirectory_isNoLongerOffered_andAStartThereIsRefused() throws Exception {
		String code = "E07999822";
		ResponseEntity<String> added = call("admin", HttpMethod.POST, "/api/directory",
				Map.of("areaCode", code, "areaName", "Old Vale", "mashEmail", "mash@old-vale.example.gov.uk",
						"adultSafeguardingEmail", "adults@old-vale.example.gov.uk"));
		assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
		assertThat(areaOptions()).containsKey(code);

		// the API never removes an area; a directory restored without it at start is the
		// way one goes, and the form follows the directory then
		DirectoryTestAccess.remove(this.jdbc, this.directory, code);
		assertThat(this.startForm.offerTheDirectory()).isTrue();
		assertThat(areaOptions()).doesNotContainKey(code).hasSize(this.directory.size());

		Map<String, Object> report = JourneyFixtures.childReport();
		report.put("areaCode", code);
		ResponseEntity<String> refused = call("officer", HttpMethod.POST,
				"/engine-rest/process-definition/key/victim-safeguarding/submit-form",
				Map.of("variables", typed(report)));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).contains("not in the safeguarding directory");
	}

	/**
	 * The start form's area options as the engine serves it to Tasklist: code to name.
	 */
	private Map<String, String> areaOptions() throws Exception {
		ResponseEntity<String> form = call("officer", HttpMethod.GET,
				"/engine-rest/process-definition/key/victim-safeguarding/deployed-start-form", null);
		assertThat(form.getStatusCode().value()).isEqualTo(200);
		Map<String, String> options = new LinkedHashMap<>();
		for (JsonNode option : StartFormAreas.areaField(JSON.readTree(form.getBody())).get("values")) {
			options.put(option.get("value").asText(), option.get("label").asText());
		}
		return options;
	}

	private String nrmSummary(String reference) {
		ResponseEntity<String> summary = call("officer", HttpMethod.GET,
				"/api/cases/" + reference + "/nrm-referral-summary", null);
		assertThat(summary.getStatusCode().value()).isEqualTo(200);
		return summary.getBody();
	}

	private static Map<String, Object> area(String name) {
		return Map.of("areaCode", CODE, "areaName", name, "mashEmail", "mash@wyre-vale.example.gov.uk",
				"adultSafeguardingEmail", "adults@wyre-vale.example.gov.uk");
	}

	private static Map<String, Object> typed(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type",
				(value instanceof Boolean) ? "Boolean" : (value instanceof Integer) ? "Integer" : "String")));
		return variables;
	}

	private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, RestJourney.PASSWORD)
			.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

}
