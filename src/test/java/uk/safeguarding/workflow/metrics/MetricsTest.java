package uk.safeguarding.workflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.deadlines.OverdueEscalation;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The metrics a manager's Prometheus scrapes: managers only, cached figures that follow a
 * known set of cases, and a health check that names the database and the job executor to
 * managers only.
 */
@SharedApplicationTest
class MetricsTest {

	static final String SAFEGUARDING = UserTasks.RECORD_IMMEDIATE_SAFEGUARDING;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	SafeguardingGauges gauges;

	@Autowired
	OverdueEscalation escalation;

	@Test
	void prometheusIsForManagersOnly() {
		assertThat(get(null, "/actuator/prometheus").getStatusCode().value()).isEqualTo(401);
		assertThat(get(null, "/actuator/prometheus").getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
		assertThat(get("officer", "/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
		assertThat(get("supervisor", "/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> manager = get("manager", "/actuator/prometheus");
		assertThat(manager.getStatusCode().value()).isEqualTo(200);
		assertThat(manager.getBody()).contains("safeguarding_cases_open", "safeguarding_incidents_open",
				"safeguarding_jobs_no_retries");
	}

	@Test
	void healthShowsItsStatusToAnyone_andTheDatabaseAndJobExecutorToManagers() {
		ResponseEntity<String> anonymous = get(null, "/actuator/health");
		assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
		assertThat(anonymous.getBody()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(get("officer", "/actuator/health").getBody()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(get("manager", "/actuator/health").getBody()).contains("\"db\"", "\"jobExecutor\"",
				"\"processEngine\"");
	}

	@Test
	void theFiguresFollowAKnownSetOfCases_andAScrapeReadsTheCacheOnly() {
		this.gauges.refresh();
		SafeguardingFigures before = this.gauges.figures();
		double scrapedBefore = scraped("safeguarding_steps_overdue", "level=\"0\"", "step=\"" + SAFEGUARDING + "\"");

		// a child at immediate risk identified 3 hours ago (immediate safeguarding
		// overdue)
		// and an adult identified a minute ago (nothing overdue)
		Map<String, Object> child = JourneyFixtures.childReport();
		child.put("immediateRisk", true);
		child.put("identifiedAt", minutesAgo(180));
		String childCase = (String) new RestJourney(this.rest).start("officer", child).getBody().get("id");
		Map<String, Object> adult = JourneyFixtures.adultReport();
		adult.put("identifiedAt", minutesAgo(1));
		new RestJourney(this.rest).start("officer", adult);

		assertThat(scraped("safeguarding_steps_overdue", "level=\"0\"", "step=\"" + SAFEGUARDING + "\""))
			.as("a scrape reads the cached figures: no query per scrape")
			.isEqualTo(scrapedBefore);

		this.gauges.refresh();
		SafeguardingFigures after = this.gauges.figures();
		assertThat(after.openCasesByPathway().get("CHILD")).isEqualTo(before.openCasesByPathway().get("CHILD") + 1);
		assertThat(after.openCasesByPathway().get("ADULT")).isEqualTo(before.openCasesByPathway().get("ADULT") + 1);
		assertThat(after.overdueSteps().get(SAFEGUARDING).get(0))
			.isEqualTo(before.overdueSteps().get(SAFEGUARDING).get(0) + 1);
		assertThat(scraped("safeguarding_steps_overdue", "level=\"0\"", "step=\"" + SAFEGUARDING + "\""))
			.isEqualTo(after.overdueSteps().get(SAFEGUARDING).get(0).doubleValue());
		assertThat(scraped("safeguarding_cases_open", "pathway=\"CHILD\""))
			.isEqualTo(after.openCasesByPathway().get("CHILD").doubleValue());

		double escalationsBefore = scraped("safeguarding_escalations_total", "level=\"1\"");
		double managersBefore = scraped("safeguarding_escalations_total", "level=\"2\"");
		this.escalation.sweep(childCase);
		this.gauges.refresh();
		SafeguardingFigures escalated = this.gauges.figures();
		assertThat(escalated.overdueSteps().get(SAFEGUARDING).get(2))
			.as("due 2.5 hours ago, its managers' level 30 minutes after: now at level 2 (supervisor and managers told)")
			.isEqualTo(after.overdueSteps().get(SAFEGUARDING).get(2) + 1);
		assertThat(escalated.overdueSteps().get(SAFEGUARDING).get(0))
			.isEqualTo(after.overdueSteps().get(SAFEGUARDING).get(0) - 1);
		assertThat(scraped("safeguarding_escalations_total", "level=\"1\"")).isGreaterThan(escalationsBefore);
		assertThat(scraped("safeguarding_escalations_total", "level=\"2\"")).isGreaterThan(managersBefore);
		assertThat(escalated.notificationsByStatus().values().stream().mapToLong(Long::longValue).sum())
			.as("the escalation notices are in the outbox")
			.isGreaterThan(before.notificationsByStatus().values().stream().mapToLong(Long::longValue).sum());
	}

	/** The value of the first sample of {@code metric} whose labels contain each part. */
	private double scraped(String metric, String... labels) {
		String body = get("manager", "/actuator/prometheus").getBody();
		for (String line : body.split("\n")) {
			if (!line.startsWith(metric + "{")) {
				continue;
			}
			boolean all = true;
			for (String label : labels) {
				all &= line.contains(label);
			}
			if (all) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

	private ResponseEntity<String> get(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, RestJourney.PASSWORD);
		}
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private static String minutesAgo(int minutes) {
		return LocalDateTime.ofInstant(Instant.now().minus(minutes, ChronoUnit.MINUTES), ZoneId.of("Europe/London"))
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
	}

}
