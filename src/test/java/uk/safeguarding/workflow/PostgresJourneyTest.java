package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The product on a real PostgreSQL (the production database), started from Maven
 * Central's embedded binaries: the engine and case-record schemas are created, a case
 * opens, the hub is notified, and no personal data reaches an engine table.
 */
@DirtiesContext
// second, after the browser test and before the shared context: the webapps and the REST
// API find
// their engine by name ("default") in a JVM-wide registry that only one live application
// may hold
@org.junit.jupiter.api.Order(2)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "SAFEGUARDING_DEMO_PASSWORD=" + RestJourney.PASSWORD, "spring.mail.host=127.0.0.1",
				"spring.mail.port=3026", "safeguarding.local-mail.enabled=false" })
class PostgresJourneyTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(3026, "127.0.0.1", "smtp"));

	static final EmbeddedPostgres POSTGRES = startPostgres();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	DataSource dataSource;

	static EmbeddedPostgres startPostgres() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			// closed after the application context (closed at the end of this class) has
			// stopped using it
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting
				}
			}));
			return postgres;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL", ex);
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@Test
	void aCaseOpensAndIsNotified_onPostgres_withNoPersonalDataInEngineTables() throws Exception {
		RestJourney as = new RestJourney(this.rest);
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		ResponseEntity<Map<String, Object>> started = as.start("officer", JourneyFixtures.childReport());
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		String id = (String) started.getBody().get("id");
		String reference = (String) started.getBody().get("businessKey");

		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length >= 2);
		as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));

		Map<String, Object> record = as.get("officer", "/api/cases/" + reference).getBody();
		assertThat(record).containsEntry("pathway", "CHILD").containsEntry("status", "OPEN");
		assertThat(EngineTables.rowsContaining(this.dataSource, JourneyFixtures.DISTINCTIVE_NAME, "Hidden Lane",
				"passport was taken"))
			.isEmpty();
		assertThat(EngineTables.rowsContaining(this.dataSource, reference)).isNotEmpty();
	}

}
