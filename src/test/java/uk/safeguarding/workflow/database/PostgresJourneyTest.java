package uk.safeguarding.workflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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

import uk.safeguarding.workflow.EngineTables;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The product on a real PostgreSQL (the production database), started from Maven
 * Central's embedded binaries, on the previous version's database (main before Liquibase:
 * engine tables from schema-update=true, the case record's from ddl-auto=update, three
 * journeys in it): the migration adopts it in place at start and leaves exactly the
 * schema a new database gets; the case that version left open carries on; a new case
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
			Schemas.loadPreviousVersion(postgres.getPostgresDatabase(), "postgresql");
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
		catch (IOException | SQLException ex) {
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

		// the case's own two notices (hub and ICTG): a notice of another case, delivered
		// by
		// its own process instance, may arrive at any moment and is not this case's
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			int own = 0;
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (message.getSubject().contains(reference)) {
					own++;
				}
			}
			return own >= 2;
		});
		as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
				JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));

		Map<String, Object> record = as.get("officer", "/api/cases/" + reference).getBody();
		assertThat(record).containsEntry("pathway", "CHILD").containsEntry("status", "OPEN");

		// the two officer pickers: each step's task carries its options (task-local JSON
		// in ACT_GE_BYTEARRAY), and completing the step removes them with the task; on
		// PostgreSQL, whose foreign keys H2 does not enforce the same way, a step
		// completes with a picked officer, and an outsider is refused with a 400
		String allocate = as.taskId("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		assertThat(choices(as, allocate, "investigatorChoices"))
			.containsExactly(Map.of("label", "Ira Investigator (investigator)", "value", "investigator"));
		ResponseEntity<Map<String, Object>> outsider = as.complete("supervisor", allocate,
				Map.of("investigator", "officer"));
		assertThat(outsider.getStatusCode().value()).isEqualTo(400);
		assertThat(String.valueOf(outsider.getBody().get("message"))).contains("cannot be allocated", "investigators");
		as.completeStep("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR, Map.of("investigator", "investigator"));

		String deploy = as.taskId("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON);
		assertThat(choices(as, deploy, "liaisonOfficerChoices")).extracting((option) -> option.get("value"))
			.contains("liaison", "officer")
			.doesNotContain("investigator", "supervisor");
		ResponseEntity<Map<String, Object>> notLiaison = as.complete("supervisor", deploy,
				Map.of("liaisonRole", "MSVLO", "liaisonOfficer", "investigator"));
		assertThat(notLiaison.getStatusCode().value()).isEqualTo(400);
		as.completeStep("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON,
				JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON));
		assertThat(as.get("officer", "/api/cases/" + reference).getBody()).containsEntry("investigator", "investigator")
			.containsEntry("liaisonOfficer", "liaison");
		assertThat(Schemas.strings(this.dataSource,
				"select count(*) from ACT_RU_VARIABLE where NAME_ in ('investigatorChoices', 'liaisonOfficerChoices')"
						+ " and PROC_INST_ID_ = ?",
				id))
			.as("the options went with their tasks")
			.containsExactly("0");

		// an area added while the product runs: a new version of the start form is
		// deployed in the directory change's transaction, and the engine serves it
		ResponseEntity<Map<String, Object>> added = as.exchange("admin", org.springframework.http.HttpMethod.POST,
				"/api/directory",
				Map.of("areaCode", "E07999823", "areaName", "Postgres Vale", "mashEmail",
						"mash@postgres-vale.example.gov.uk", "adultSafeguardingEmail",
						"adults@postgres-vale.example.gov.uk"));
		assertThat(added.getStatusCode().value()).as("%s", added.getBody()).isEqualTo(201);
		assertThat(as.get("officer", "/engine-rest/process-definition/key/victim-safeguarding/deployed-start-form")
			.getBody()
			.toString()).contains("label=Postgres Vale, value=E07999823");
		assertThat(EngineTables.rowsContaining(this.dataSource, JourneyFixtures.DISTINCTIVE_NAME, "Hidden Lane",
				"passport was taken"))
			.isEmpty();
		assertThat(EngineTables.rowsContaining(this.dataSource, reference)).isNotEmpty();
	}

	/** A task's picker options, as Tasklist reads them before it renders the form. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> choices(RestJourney as, String taskId, String name) throws Exception {
		ResponseEntity<Map<String, Object>> variables = as.get("supervisor",
				"/engine-rest/task/" + taskId + "/variables?deserializeValues=false");
		assertThat(variables.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> variable = (Map<String, Object>) variables.getBody().get(name);
		assertThat(variable).as("%s on the task", name).containsEntry("type", "Json");
		return new com.fasterxml.jackson.databind.ObjectMapper().readValue((String) variable.get("value"), List.class);
	}

	@Test
	void theEnginesAuthorizationChecks_arePlannedWithTheirValues_andTheGrantsStatistics() throws Exception {
		// every connection of the pool, not only the first: a generic plan on any one of
		// them turns a supervisor's task list from about a second into minutes at volume
		List<java.sql.Connection> connections = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				connections.add(this.dataSource.getConnection());
			}
			for (java.sql.Connection connection : connections) {
				try (var statement = connection.createStatement();
						var result = statement.executeQuery("SHOW plan_cache_mode")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).isEqualTo("force_custom_plan");
				}
			}
		}
		finally {
			for (java.sql.Connection connection : connections) {
				connection.close();
			}
		}
		assertThat(Schemas.strings(this.dataSource,
				"select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass"))
			.as("statistics on the grants' permission bits (changeset 712)")
			.contains("act_stat_auth_perms");
	}

	@Test
	void previousVersionsDatabase_isMigratedInPlace_andTheCaseItLeftOpenCarriesOn() throws Exception {
		assertThat(Schemas.changesets(this.dataSource, "schema")).containsEntry("001-baseline-victim-case", "MARK_RAN")
			.containsEntry("002-consent-outcome-width", "EXECUTED");
		assertThat(Schemas.changesets(this.dataSource, "Camunda")).containsEntry("7.24.0-tag", "EXECUTED");
		assertThat(Schemas.strings(this.dataSource, "select VERSION_ from ACT_GE_SCHEMA_LOG"))
			.as("the engine's tables were adopted, not made again")
			.containsExactly("7.24.0");
		// a new database on the same server, migrated as the application migrates
		try (var connection = POSTGRES.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create database fresh");
		}
		DataSource fresh = POSTGRES.getDatabase("postgres", "fresh");
		Schemas.migrate(fresh);
		assertThat(Schemas.columns(this.dataSource)).as("every table and column, as a new database has it")
			.isEqualTo(Schemas.columns(fresh))
			.containsEntry("consent_record.outcome", "varchar(32) not null")
			.containsEntry("chronology_entry.details", "text");

		// MSHT-2026-000002 was waiting for the liaison officer to seek informed consent
		RestJourney as = new RestJourney(this.rest);
		String id = Schemas
			.strings(this.dataSource, "select process_instance_id from victim_case where reference = ?",
					"MSHT-2026-000002")
			.get(0);
		as.completeStep("liaison", id, UserTasks.SEEK_INFORMED_CONSENT,
				JourneyFixtures.answers(UserTasks.SEEK_INFORMED_CONSENT));
		as.completeStep("officer", id, UserTasks.SUBMIT_NRM_REFERRAL,
				JourneyFixtures.answers(UserTasks.SUBMIT_NRM_REFERRAL));
		Map<String, Object> record = as.get("officer", "/api/cases/MSHT-2026-000002").getBody();
		assertThat(record).containsEntry("status", "OPEN").containsEntry("nrmReference", "NRM-778899");
		assertThat((List<?>) record.get("consentLedger")).hasSize(1);
		assertThat(as.taskId("officer", id, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)).isNotBlank();
		// the case that version closed is still there, with its chronology and the notes
		// it kept as large objects, now text in the rows (changeset 600)
		Map<String, Object> closed = as.get("supervisor", "/api/cases/MSHT-2026-000001").getBody();
		assertThat(closed).containsEntry("status", "CLOSED");
		assertThat((List<?>) closed.get("chronology")).hasSizeGreaterThan(10);
		assertThat(Schemas.strings(this.dataSource,
				"select details from chronology_entry "
						+ "where details is not null and case_id = (select id from victim_case where reference = ?)",
				"MSHT-2026-000001"))
			.anyMatch((details) -> details.contains("passport was taken"));
		assertThat(Schemas.strings(this.dataSource, "select count(*) from pg_largeobject_metadata"))
			.as("large objects left behind by the old @Lob column")
			.containsExactly("0");
	}

}
