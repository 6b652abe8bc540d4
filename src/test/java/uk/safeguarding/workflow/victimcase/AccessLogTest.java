package uk.safeguarding.workflow.victimcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Access log (Data Protection Act 2018 s62): reads of a case's record, task form data and
 * history through any product endpoint are logged with who, when, which case and which
 * endpoint; managers query it and export it for a subject access request; others may not.
 */
@SharedApplicationTest
class AccessLogTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	TestRestTemplate rest;

	@Test
	void accessLog_readsOfFormDataRecordAndHistory_areLogged_andManagersCanQueryAndExportTheLog() {
		RestJourney as = new RestJourney(this.rest);
		Map<String, Object> started = as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		String task = as.taskId("officer", id, UserTasks.RECORD_CRIME);

		assertThat(as.get("officer", "/engine-rest/task/" + task + "/form-variables").getStatusCode().value())
			.isEqualTo(200);
		assertThat(this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.getForEntity("/engine-rest/history/variable-instance?processInstanceId=" + id, String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(as.get("officer", "/api/cases/" + reference).getStatusCode().value()).isEqualTo(200);
		// a search of the case's variables sent as POST, as Cockpit's "Variables" tab
		// does:
		// the case is named in the body only
		assertThat(this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.postForEntity("/engine-rest/variable-instance?deserializeValues=false",
					Map.of("processInstanceIdIn", List.of(id)), String.class)
			.getStatusCode()
			.value()).isEqualTo(200);

		ResponseEntity<List<Map<String, Object>>> log = this.rest.withBasicAuth("manager", RestJourney.PASSWORD)
			.exchange("/api/access-log/" + reference, HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					});
		assertThat(log.getStatusCode().value()).isEqualTo(200);
		List<String> consultations = log.getBody()
			.stream()
			.filter((line) -> "CONSULTATION".equals(line.get("operation")) && "officer".equals(line.get("userId")))
			.map((line) -> (String) line.get("purpose"))
			.toList();
		assertThat(consultations).anyMatch((purpose) -> purpose.contains("/task/" + task + "/form-variables"))
			.anyMatch((purpose) -> purpose.contains("/history/variable-instance"))
			.anyMatch((purpose) -> purpose.startsWith("POST /engine-rest/variable-instance"))
			.anyMatch((purpose) -> purpose.contains("/api/cases/" + reference));
		assertThat(log.getBody()).anyMatch((line) -> "COLLECTION".equals(line.get("operation")));

		ResponseEntity<String> export = this.rest.withBasicAuth("manager", RestJourney.PASSWORD)
			.getForEntity("/api/access-log/" + reference + "/export", String.class);
		assertThat(export.getStatusCode().value()).isEqualTo(200);
		assertThat(export.getBody()).startsWith("at,user,operation,purpose\n").contains("\"officer\",CONSULTATION");

		assertThat(this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.getForEntity("/api/access-log/" + reference, String.class)
			.getStatusCode()
			.value()).as("only managers read the access log").isEqualTo(403);
	}

}
