package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/** Reads the engine's own tables, to prove what never reaches them. */
final class EngineTables {

	private EngineTables() {
	}

	/**
	 * Every row of every engine table (ACT_*) with any column containing one of the
	 * needles.
	 */
	static List<String> rowsContaining(DataSource dataSource, String... needles) throws Exception {
		List<String> hits = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(null, null, "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME");
					if (name.toUpperCase(Locale.ROOT).startsWith("ACT_")) {
						tables.add(name);
					}
				}
			}
			assertThat(tables).as("engine tables found").hasSizeGreaterThan(40);
			for (String table : tables) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("select * from " + table)) {
					int columns = rows.getMetaData().getColumnCount();
					while (rows.next()) {
						for (int c = 1; c <= columns; c++) {
							Object value = rows.getObject(c);
							String text = (value instanceof byte[] bytes)
									? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
									: String.valueOf(value);
							for (String needle : needles) {
								if (text.contains(needle)) {
									hits.add(table + "." + rows.getMetaData().getColumnName(c) + " contains " + needle);
								}
							}
						}
					}
				}
			}
		}
		return hits;
	}

}
