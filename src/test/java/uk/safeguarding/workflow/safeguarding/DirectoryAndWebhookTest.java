package uk.safeguarding.workflow.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.DeliveryJobs;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.ServiceTasks;

/**
 * The directory administered over REST (good and bad imports, audit, ICTG coverage
 * changes) and webhook delivery to a local receiver that checks the signature.
 */
@SharedApplicationTest
class DirectoryAndWebhookTest {

	static final String HEADER = "area_code,area_name,mash_email,adult_safeguarding_email,ictg_service,ictg_email,"
			+ "devolved_child_decisions,secure_email";

	static final String SECRET = "test-webhook-secret-not-for-production";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	SafeguardingDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	HttpServer receiver;

	@BeforeEach
	void pauseJobExecutor() {
		this.engine.getJobExecutor().shutdown();
	}

	@AfterEach
	void restore() {
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
		this.engine.getJobExecutor().start();
	}

	@Test
	void importOfAGoodFile_addsAndChangesAreas_andAuditsWhoWhenBeforeAndAfter() {
		ResponseEntity<Map<String, Object>> imported = importCsv("admin", HEADER + "\n"
				+ "E06000002,Middlesbrough,mash@middlesbrough.example.gov.uk,adults@middlesbrough.example.gov.uk,true,ictg-england@example.org,false,true\n"
				+ "E06000003,Redcar and Cleveland,mash@redcar.example.gov.uk,adults@redcar.example.gov.uk,false,,false,false\n");
		assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
		assertThat(imported.getBody()).containsEntry("changed", 2).containsEntry("added", 0);
		List<Map<String, Object>> changes = list("admin", "/api/directory/changes").stream()
			.filter((change) -> "E06000002".equals(change.get("areaCode")))
			.toList();
		assertThat(changes.get(0)).containsEntry("userId", "admin")
			.containsEntry("areaCode", "E06000002")
			.containsEntry("action", "IMPORT_CHANGE");
		assertThat((String) changes.get(0).get("before")).contains("\"secureEmail\":false");
		assertThat((String) changes.get(0).get("after")).contains("\"secureEmail\":true");
		assertThat(changes.get(0).get("at")).isNotNull();
	}

	@Test
	void badRows_areRefusedWithLineAndReason_andChangeNothing() {
		ResponseEntity<Map<String, Object>> refused = importCsv("admin", HEADER + ",colour\n"
				+ "E6000002,Middlesbrough,mash@x.example.gov.uk,adults@x.example.gov.uk,false,,false,false,red\n");
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("message").toString()).contains("line 1: unknown column 'colour'");
		ResponseEntity<Map<String, Object>> rows = importCsv("admin", HEADER + "\n"
				+ "E6000002,Middlesbrough,mash@x.example.gov.uk,adults@x.example.gov.uk,false,,false,false\n"
				+ "E06000003,Redcar,not-an-email,adults@x.example.gov.uk,false,,false,false\n"
				+ "E06000004,Stockton-on-Tees,mash@x.example.gov.uk,adults@x.example.gov.uk,false,,false,false\n"
				+ "E06000004,Stockton again,mash@y.example.gov.uk,adults@y.example.gov.uk,false,,false,false\n");
		assertThat(rows.getStatusCode().value()).isEqualTo(400);
		assertThat(problems(rows)).containsExactly(
				"line 2: area_code 'E6000002' is not an ONS code for England or Wales (E or W followed by 8 digits)",
				"line 3: mash_email 'not-an-email' is not a valid email address",
				"line 5: area_code E06000004 is a duplicate; it is first at line 4");
		assertThat(list("admin", "/api/directory")).filteredOn((area) -> "E06000004".equals(area.get("areaCode")))
			.singleElement()
			.satisfies((area) -> assertThat(area.get("areaName")).isEqualTo("Stockton-on-Tees"));
		ResponseEntity<Map<String, Object>> duplicate = new RestJourney(this.rest).exchange("admin", HttpMethod.POST,
				"/api/directory", Map.of("areaCode", "W06000015", "areaName", "Cardiff", "mashEmail",
						"mash@cardiff.example.gov.uk", "adultSafeguardingEmail", "adults@cardiff.example.gov.uk"));
		assertThat(duplicate.getStatusCode().value()).isEqualTo(400);
		assertThat(problems(duplicate)).singleElement().asString().contains("duplicate");
	}

	@Test
	void onlyAdministratorsAdministerTheDirectory() {
		assertThat(importCsv("supervisor", HEADER + "\n").getStatusCode().value()).isEqualTo(403);
		assertThat(this.rest.getForEntity("/api/directory", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void ictgCoverageChange_newCasesFollowIt_andCasesAlreadyNotifiedAreNotNotifiedAgain() {
		// Hartlepool-like area without ICTG: a child there gets no ICTG referral
		importCsv("admin", HEADER + "\n"
				+ "E06000005,Darlington,mash@darlington.example.gov.uk,adults@darlington.example.gov.uk,false,,false,false\n");
		Map<String, Object> child = JourneyFixtures.childReport();
		child.put("areaCode", "E06000005");
		String before = open(child)[1];
		assertThat(recipients(before)).containsExactly("mash@darlington.example.gov.uk");

		importCsv("admin", HEADER + "\n"
				+ "E06000005,Darlington,mash@darlington.example.gov.uk,adults@darlington.example.gov.uk,true,ictg-north@example.org,false,false\n");
		String after = open(child)[1];
		assertThat(recipients(after)).contains("mash@darlington.example.gov.uk", "ictg-north@example.org");
		assertThat(recipients(before)).as("the earlier case is not notified again")
			.containsExactly("mash@darlington.example.gov.uk");
	}

	@Test
	void webhook_isSignedSoTheReceiverCanVerifyIt_and500IsRetried_and4xxIsAnIncidentAtOnce() throws Exception {
		List<String> verified = new CopyOnWriteArrayList<>();
		AtomicInteger answer = new AtomicInteger(500);
		AtomicInteger calls = new AtomicInteger();
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/notices", (exchange) -> {
			calls.incrementAndGet();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String signature = exchange.getRequestHeaders().getFirst("X-Safeguarding-Signature");
			boolean valid = ("sha256=" + hmac(body)).equals(signature);
			if (valid && answer.get() == 200) {
				verified.add(new String(body, StandardCharsets.UTF_8));
			}
			int status = valid ? answer.get() : 401;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/notices";
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("webhook-secrets",
					Map.of("safeguarding.webhooks.secrets.E06000006", SECRET)));
		importCsv("admin",
				HEADER + ",webhook_url\n"
						+ "E06000006,Halton,mash@halton.example.gov.uk,adults@halton.example.gov.uk,false,,false,false,"
						+ url + "\n");
		Map<String, Object> adult = JourneyFixtures.adultReport();
		adult.put("areaCode", "E06000006");
		String[] opened = open(adult);
		Job job = jobFor(opened[0], views(opened[1]).get(0).id());

		assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining("HTTP 500");
		assertThat(this.management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
			.as("a 500 is retried")
			.isEqualTo(4);
		answer.set(200);
		this.management.executeJob(job.getId());
		assertThat(verified).singleElement()
			.asString()
			.contains("\"caseReference\":\"" + opened[1] + "\"", "\"notice\":\"CASE_OPENED\"")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		NotificationView view = views(opened[1]).get(0);
		assertThat(view.channel()).isEqualTo("WEBHOOK");
		assertThat(view.status()).isEqualTo("SENT");
		System.out.printf("webhook[500-then-200]: attempts=%d delivered=%d%n", view.attempts(), verified.size());

		// a missing episode: the receiver now refuses (4xx): an incident at once
		answer.set(422);
		this.runtime.createMessageCorrelation("VictimReportedMissing")
			.processInstanceBusinessKey(opened[1])
			.correlate();
		for (Job hub : this.management.createJobQuery()
			.processInstanceId(opened[0])
			.activityId(ServiceTasks.NOTIFY_HUB_OF_MISSING_VICTIM)
			.list()) {
			this.management.executeJob(hub.getId());
		}
		Job missing = jobFor(opened[0], views(opened[1]).get(1).id());
		int before = calls.get();
		assertThatThrownBy(() -> this.management.executeJob(missing.getId())).hasMessageContaining("HTTP 422");
		assertThat(calls.get() - before).as("one call, no retry storm").isEqualTo(1);
		Incident incident = this.runtime.createIncidentQuery().configuration(missing.getId()).singleResult();
		assertThat(incident).isNotNull();
		assertThat(incident.getIncidentMessage()).contains("VICTIM_MISSING notice for " + opened[1], url, "HTTP 422");
		System.out.printf("webhook[4xx]: attempts=%d retriesLeft=%d incident=%s%n", views(opened[1]).get(1).attempts(),
				this.management.createJobQuery().jobId(missing.getId()).singleResult().getRetries(), incident != null);
	}

	@Test
	void caseInAnAreaMissingFromTheDirectory_raisesAnIncidentNamingTheArea() {
		importCsv("admin", HEADER + "\n"
				+ "E06000007,Warrington,mash@warrington.example.gov.uk,adults@warrington.example.gov.uk,false,,false,false\n");
		Map<String, Object> adult = JourneyFixtures.adultReport();
		adult.put("areaCode", "E06000007");
		ResponseEntity<Map<String, Object>> started = new RestJourney(this.rest).start("officer", adult);
		String id = (String) started.getBody().get("id");
		// the area disappears from the directory after the case opened (a test-only
		// removal)
		DirectoryTestAccess.remove(this.jdbc, this.directory, "E06000007");
		Job hub = this.management.createJobQuery()
			.processInstanceId(id)
			.activityId(ServiceTasks.NOTIFY_SAFEGUARDING_HUB)
			.singleResult();
		assertThatThrownBy(() -> this.management.executeJob(hub.getId())).hasMessageContaining("E06000007");
		Incident incident = this.runtime.createIncidentQuery().processInstanceId(id).singleResult();
		assertThat(incident.getIncidentMessage()).contains("area E06000007 is not in the safeguarding directory");
	}

	// --- helpers

	String[] open(Map<String, Object> report) {
		ResponseEntity<Map<String, Object>> started = new RestJourney(this.rest).start("officer", report);
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		String id = (String) started.getBody().get("id");
		for (String serviceTask : List.of(ServiceTasks.NOTIFY_SAFEGUARDING_HUB, ServiceTasks.REFER_TO_ICTG)) {
			for (Job job : this.management.createJobQuery().processInstanceId(id).activityId(serviceTask).list()) {
				this.management.executeJob(job.getId());
			}
		}
		return new String[] { id, (String) started.getBody().get("businessKey") };
	}

	Job jobFor(String processInstanceId, Long notificationId) {
		return new DeliveryJobs(this.runtime, this.management).forNotification(notificationId);
	}

	List<String> recipients(String reference) {
		return views(reference).stream()
			.filter((view) -> !view.notice().equals("TASK_ASSIGNED"))
			.map(NotificationView::recipient)
			.toList();
	}

	List<NotificationView> views(String reference) {
		return this.outbox.forCase(reference)
			.stream()
			.filter((view) -> !view.notice().equals("TASK_ASSIGNED"))
			.toList();
	}

	ResponseEntity<Map<String, Object>> importCsv(String user, String csv) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		return this.rest.withBasicAuth(user, RestJourney.PASSWORD)
			.exchange("/api/directory/import", HttpMethod.POST, new HttpEntity<>(csv, headers),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
	}

	List<Map<String, Object>> list(String user, String path) {
		return this.rest.withBasicAuth(user, RestJourney.PASSWORD)
			.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.getBody();
	}

	@SuppressWarnings("unchecked")
	static List<String> problems(ResponseEntity<Map<String, Object>> response) {
		return ((List<Map<String, Object>>) response.getBody().get("problems")).stream()
			.map((problem) -> "line " + problem.get("line") + ": " + problem.get("reason"))
			.toList();
	}

	static String hmac(byte[] body) throws IOException {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IOException(ex);
		}
	}

}
