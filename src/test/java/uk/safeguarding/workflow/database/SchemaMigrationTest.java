package uk.safeguarding.workflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration on H2, without the application: the previous version's database (made by
 * ddl-auto=update and schema-update=true, with three journeys in it) is adopted in place
 * and ends with exactly the schema a new database gets, its data intact. The same on
 * PostgreSQL, with journeys continued by the running application:
 * {@code PostgresJourneyTest}.
 */
class SchemaMigrationTest {

	private final JdbcDataSource previous = database();

	private final JdbcDataSource fresh = database();

	@AfterEach
	void dropDatabases() throws Exception {
		for (JdbcDataSource database : new JdbcDataSource[] { this.previous, this.fresh }) {
			new JdbcTemplate(database).execute("SHUTDOWN");
		}
	}

	@Test
	void previousVersionsDatabase_isMigratedInPlace_toTheSchemaOfANewDatabase_withItsCasesIntact() throws Exception {
		Schemas.loadPreviousVersion(this.previous, "h2");
		Map<String, String> before = Schemas.columns(this.previous);
		assertThat(before).containsEntry("consent_record.outcome", "character varying(12) not null");
		JdbcTemplate old = new JdbcTemplate(this.previous);
		int engineRows = old.queryForObject("select count(*) from ACT_RU_EXECUTION", Integer.class);

		Schemas.migrate(this.previous);
		Schemas.migrate(this.fresh);

		assertThat(Schemas.columns(this.previous)).as("every table and column, as a new database has it")
			.isEqualTo(Schemas.columns(this.fresh))
			.containsEntry("consent_record.outcome", "character varying(32) not null")
			.containsEntry("notification.notice", "character varying(30) not null")
			.containsEntry("chronology_entry.details", "character varying(20000)");
		assertThat(Schemas.strings(this.previous, "select details from chronology_entry where details is not null"))
			.as("the notes the CLOB held, kept as text")
			.anyMatch((details) -> details.contains("passport was taken"));
		// the engine's tables were adopted, not made again: only the tag steps before
		// 7.24 are recorded, and the engine's own record of its schema is unchanged
		assertThat(Schemas.changesets(this.previous, "Camunda")).containsEntry("7.16.0-baseline", "EXECUTED")
			.containsEntry("7.24.0-tag", "EXECUTED")
			.hasSameSizeAs(Schemas.changesets(this.fresh, "Camunda"));
		assertThat(Schemas.strings(this.previous, "select VERSION_ from ACT_GE_SCHEMA_LOG")).containsExactly("7.24.0");
		assertThat(Schemas.changesets(this.previous, "schema")).containsEntry("001-baseline-victim-case", "MARK_RAN")
			.containsEntry("001-baseline-notification", "MARK_RAN")
			.containsEntry("002-consent-outcome-width", "EXECUTED");
		assertThat(Schemas.changesets(this.fresh, "schema")).containsEntry("001-baseline-victim-case", "EXECUTED");

		assertThat(Schemas.strings(this.previous, "select reference from victim_case order by id"))
			.containsExactly("MSHT-2026-000001", "MSHT-2026-000002", "MSHT-2026-000003");
		assertThat(old.queryForObject("select count(*) from ACT_RU_EXECUTION", Integer.class)).isEqualTo(engineRows);
		// the answer that did not fit before the column was widened
		assertThatCode(
				() -> old.update("insert into consent_record (case_id, recorded_at, outcome, professional_interpreter) "
						+ "values (2, current_timestamp, 'ADULT_SUPPORT_GIVEN', false)"))
			.doesNotThrowAnyException();
	}

	@Test
	void migratingAgain_changesNothing() throws Exception {
		Schemas.loadPreviousVersion(this.previous, "h2");
		Schemas.migrate(this.previous);
		Map<String, String> once = Schemas.columns(this.previous);
		int recorded = new JdbcTemplate(this.previous).queryForObject("select count(*) from DATABASECHANGELOG",
				Integer.class);

		Schemas.migrate(this.previous);

		assertThat(Schemas.columns(this.previous)).isEqualTo(once);
		assertThat(
				new JdbcTemplate(this.previous).queryForObject("select count(*) from DATABASECHANGELOG", Integer.class))
			.isEqualTo(recorded);
	}

	@Test
	void theTagOfASchemaVersion_isItsMinorRelease() {
		assertThat(EngineSchemaAdoption.tagFor("7.24.0")).contains("7.24.0");
		assertThat(EngineSchemaAdoption.tagFor("7.22.3")).contains("7.22.0");
		assertThat(EngineSchemaAdoption.tagFor("fox")).isEmpty();
	}

	private static JdbcDataSource database() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		database.setUser("sa");
		database.setPassword("");
		return database;
	}

}
