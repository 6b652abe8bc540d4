package uk.safeguarding.workflow.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Databases for the migration tests: the previous version's, loaded from its dump, and
 * the migration run on them the way the application runs it at start.
 */
public final class Schemas {

	public static final String CHANGE_LOG = "classpath:db/changelog/db.changelog-master.yaml";

	private Schemas() {
	}

	/**
	 * Loads {@code db/previous-version/<name>.sql.gz}: the previous version's database
	 * with three journeys in it.
	 */
	public static void loadPreviousVersion(DataSource dataSource, String name) throws IOException, SQLException {
		String script;
		try (InputStream in = new GZIPInputStream(
				new ClassPathResource("db/previous-version/" + name + ".sql.gz").getInputStream())) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			// one batch: both H2 and PostgreSQL's driver run a script of many statements
			statement.execute(script);
		}
	}

	/** What the application does at start, before JPA and the engine. */
	public static void migrate(DataSource dataSource) throws Exception {
		DefaultResourceLoader resources = new DefaultResourceLoader();
		new EngineSchemaAdoption(dataSource, resources, CHANGE_LOG).afterPropertiesSet();
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(dataSource);
		liquibase.setResourceLoader(resources);
		liquibase.setChangeLog(CHANGE_LOG);
		liquibase.afterPropertiesSet();
	}

	/**
	 * Every column of every table but Liquibase's own: "table.column" to its type, size
	 * and whether it may be null.
	 */
	public static Map<String, String> columns(DataSource dataSource) throws SQLException {
		Map<String, String> columns = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String schema = connection.getSchema();
			try (ResultSet rows = metaData.getColumns(connection.getCatalog(), schema, "%", "%")) {
				while (rows.next()) {
					String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					if (table.startsWith("databasechangelog")) {
						continue;
					}
					String type = rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
					boolean sized = type.contains("char");
					columns.put(table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
							type + (sized ? "(" + rows.getInt("COLUMN_SIZE") + ")" : "")
									+ (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
				}
			}
		}
		return columns;
	}

	/** How each changeset of the changelog was applied: "id" to EXECUTED or MARK_RAN. */
	public static Map<String, String> changesets(DataSource dataSource, String author) {
		Map<String, String> changesets = new TreeMap<>();
		new JdbcTemplate(dataSource).query("select ID, EXECTYPE from DATABASECHANGELOG where AUTHOR = ?", (row) -> {
			changesets.put(row.getString(1), row.getString(2));
		}, author);
		return changesets;
	}

	public static List<String> strings(DataSource dataSource, String sql, Object... args) {
		return new ArrayList<>(new JdbcTemplate(dataSource).queryForList(sql, String.class, args));
	}

}
