package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** Reads the engine's own tables, to prove what never reaches them. */
public final class EngineTables {

	private EngineTables() {
	}

	/**
	 * Every row of every engine table (ACT_*) with any column containing one of the
	 * needles.
	 */
	public static List<String> rowsContaining(DataSource dataSource, String... needles) throws Exception {
		return search(dataSource, true, List.of(needles)).hits();
	}

	/**
	 * What a search found and how much it read.
	 *
	 * @param hits one line per cell holding a needle: table, column, needle
	 * @param rowsPerTable how many rows each table searched held
	 */
	public record Search(List<String> hits, Map<String, Integer> rowsPerTable) {

		public int tables() {
			return this.rowsPerTable.size();
		}

		public long rows() {
			return this.rowsPerTable.values().stream().mapToLong(Integer::longValue).sum();
		}

		/** Whether this needle was found anywhere. */
		public boolean found(String needle) {
			return this.hits.stream().anyMatch((hit) -> hit.endsWith(" contains " + needle));
		}

	}

	/**
	 * Reads every row and column (text, numbers, dates, byte arrays, large objects) of
	 * either the engine's tables (ACT_*) or the application's own tables (everything else
	 * in the application's schema).
	 * @param engine true for the engine's tables, false for the application's
	 * @param needles what to look for
	 */
	public static Search search(DataSource dataSource, boolean engine, Collection<String> needles) throws Exception {
		List<String> hits = new ArrayList<>();
		Map<String, Integer> rowsPerTable = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME");
					if (name.toUpperCase(Locale.ROOT).startsWith("ACT_") == engine) {
						tables.add(name);
					}
				}
			}
			if (engine) {
				assertThat(tables).as("engine tables found").hasSizeGreaterThan(40);
			}
			for (String table : tables) {
				int count = 0;
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement.executeQuery("select * from " + table)) {
					ResultSetMetaData columns = rows.getMetaData();
					while (rows.next()) {
						count++;
						for (int c = 1; c <= columns.getColumnCount(); c++) {
							String text = text(rows.getObject(c));
							if (text == null) {
								continue;
							}
							for (String needle : needles) {
								if (text.contains(needle)) {
									hits.add(table + "." + columns.getColumnName(c) + " contains " + needle);
								}
							}
						}
					}
				}
				rowsPerTable.put(table, count);
			}
		}
		return new Search(hits, rowsPerTable);
	}

	private static String text(Object value) throws Exception {
		if (value == null) {
			return null;
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (value instanceof Blob blob) {
			return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
		}
		if (value instanceof Clob clob) {
			try (Reader reader = clob.getCharacterStream()) {
				StringWriter out = new StringWriter();
				reader.transferTo(out);
				return out.toString();
			}
		}
		return String.valueOf(value);
	}

}
