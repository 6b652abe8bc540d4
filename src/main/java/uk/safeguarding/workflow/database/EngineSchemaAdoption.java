package uk.safeguarding.workflow.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;

/**
 * Hands Liquibase a database whose engine tables an earlier version of this product made
 * with {@code camunda.bpm.database.schema-update=true}. Camunda's changelog would
 * otherwise try to create them again. The documented way to adopt such a schema is to
 * record Camunda's changesets as run up to the tag of the schema's version
 * ({@code changelogSyncToTag}); the upgrades after that version then run as usual. The
 * version is the latest entry of {@code ACT_GE_SCHEMA_LOG}, which every Camunda create
 * and upgrade script writes. Runs once, before the migration: afterwards the changelog
 * table knows Camunda's changesets and this does nothing.
 */
public class EngineSchemaAdoption implements InitializingBean {

	static final String CAMUNDA_AUTHOR = "Camunda";

	private static final Logger log = LoggerFactory.getLogger(EngineSchemaAdoption.class);

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");

	private final DataSource dataSource;

	private final ResourceLoader resourceLoader;

	private final String changeLog;

	public EngineSchemaAdoption(DataSource dataSource, ResourceLoader resourceLoader, String changeLog) {
		this.dataSource = dataSource;
		this.resourceLoader = resourceLoader;
		this.changeLog = changeLog;
	}

	@Override
	public void afterPropertiesSet() throws SQLException, LiquibaseException {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!tableExists(connection, "ACT_GE_SCHEMA_LOG") || camundaChangesetsRecorded(connection)) {
				return;
			}
			String tag = schemaTag(connection).orElseThrow(() -> new IllegalStateException(
					"The engine's tables exist but ACT_GE_SCHEMA_LOG names no version: cannot tell which of "
							+ "Camunda's migrations they already have"));
			log.info("Adopting engine tables made without Liquibase: recording Camunda's changesets up to {} as run",
					tag);
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			// not closed: closing the Liquibase would close the pooled connection's
			// database
			// before the try-with-resources returns it
			Liquibase liquibase = new Liquibase(this.changeLog, new SpringResourceAccessor(this.resourceLoader),
					database);
			liquibase.changeLogSync(tag, new Contexts(), new LabelExpression());
		}
	}

	/**
	 * The Camunda changelog's tag for a schema version: "7.24.0" for "7.24.0" or
	 * "7.24.3".
	 */
	static Optional<String> tagFor(String version) {
		Matcher matcher = VERSION.matcher(version.trim());
		return matcher.matches() ? Optional.of(matcher.group(1) + "." + matcher.group(2) + ".0") : Optional.empty();
	}

	private static Optional<String> schemaTag(Connection connection) throws SQLException {
		List<String> versions = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("select VERSION_ from ACT_GE_SCHEMA_LOG");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				versions.add(rows.getString(1));
			}
		}
		// the highest version, compared as numbers ("7.9" < "7.24")
		return versions.stream()
			.map(EngineSchemaAdoption::tagFor)
			.flatMap(Optional::stream)
			.max(Comparator.comparingInt((String tag) -> Integer.parseInt(tag.split("\\.")[0]))
				.thenComparingInt((tag) -> Integer.parseInt(tag.split("\\.")[1])));
	}

	private static boolean camundaChangesetsRecorded(Connection connection) throws SQLException {
		if (!tableExists(connection, "DATABASECHANGELOG")) {
			return false;
		}
		try (PreparedStatement query = connection
			.prepareStatement("select count(*) from DATABASECHANGELOG where AUTHOR = ?")) {
			query.setString(1, CAMUNDA_AUTHOR);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() && rows.getLong(1) > 0;
			}
		}
	}

	static boolean tableExists(Connection connection, String name) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		// H2 keeps unquoted names in upper case, PostgreSQL in lower case
		for (String candidate : List.of(name.toUpperCase(), name.toLowerCase())) {
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, candidate,
					new String[] { "TABLE" })) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
