package uk.safeguarding.workflow.oversight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten years of journeys in minutes, on PostgreSQL: copies every row a few real journeys
 * wrote (the templates, driven through the product) into many cases with set-based SQL
 * ({@code INSERT ... SELECT ... CROSS JOIN generate_series}), so each copy has exactly
 * the rows and shape a real journey of that kind leaves, in the engine's tables and the
 * product's. Driving 320,000 journeys through the engine would take days on this machine.
 *
 * <p>
 * In copy {@code g} of a template: every engine id that belongs to the journey (process
 * instance, executions, tasks, variables, jobs, authorizations, history rows) gets copy
 * {@code g}'s own value (its UUID's constant node part replaced by {@code g}, so the copy
 * of one id is the same wherever it is referred to); the case reference becomes copy
 * {@code g}'s reference everywhere it is written (business key, variables, case record,
 * notices, chronology, step outcomes, access log); the template's officer, liaison
 * officer, supervisor, investigator and area become copy {@code g}'s (so one person holds
 * a realistic share of the cases); every timestamp moves by copy {@code g}'s shift (so a
 * copy's step durations and due dates are the template's, elsewhere in time). Model ids
 * (process definition, activity, job definition), history and model byte arrays are
 * shared with the template; a runtime variable's byte array (a JSON or serialized value)
 * is copied with the copy's own id, because the engine deletes it with the variable (a
 * task-local variable when its step completes): shared, it would still be referenced by
 * every other copy, and PostgreSQL would refuse the delete
 * ({@code act_fk_var_bytearray}).
 */
final class VolumeSeeder {

	/** One template journey: its process instance, case reference and area. */
	record Template(String processInstanceId, String reference, String areaCode) {
	}

	/**
	 * What copy {@code g} gets, as SQL over the series column {@code g}: its reference,
	 * the shift of its timestamps (an interval), its people and area.
	 */
	record Shape(String reference, String shift, String officer, String liaison, String supervisor, String investigator,
			String area) {
	}

	/** Engine columns that name something of the model or the server, not the journey. */
	private static final Set<String> SHARED_IDS = Set.of("proc_def_id_", "deployment_id_", "job_def_id_", "dec_def_id_",
			"dec_req_id_", "tenant_id_", "user_id_", "group_id_", "case_def_id_", "bytearray_id_",
			"exception_stack_id_", "error_details_id_", "batch_id_", "act_id_", "failed_act_id_", "activity_id_",
			"clause_id_", "rule_id_", "root_dec_req_id_", "dec_req_key_", "org_value_", "new_value_");

	/** Engine text columns that can hold a reference, a person or an area code. */
	private static final Set<String> ENGINE_VALUES = Set.of("business_key_", "text_", "text2_", "user_id_", "assignee_",
			"owner_", "start_user_id_");

	private final JdbcTemplate jdbc;

	private final Map<String, List<String[]>> columns = new LinkedHashMap<>();

	VolumeSeeder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		for (Map<String, Object> column : jdbc.queryForList("SELECT table_name, column_name, data_type, "
				+ "column_default, is_identity FROM information_schema.columns WHERE table_schema = current_schema() "
				+ "ORDER BY table_name, ordinal_position")) {
			String table = ((String) column.get("table_name")).toLowerCase(Locale.ROOT);
			boolean generated = "YES".equals(column.get("is_identity"))
					|| String.valueOf(column.get("column_default")).startsWith("nextval(");
			this.columns.computeIfAbsent(table, (k) -> new ArrayList<>())
				.add(new String[] { ((String) column.get("column_name")).toLowerCase(Locale.ROOT),
						(String) column.get("data_type"), generated ? "generated" : "" });
		}
	}

	/**
	 * Copies a template journey into copies {@code from..to} (inclusive): the case record
	 * and its rows, and (for copies from {@code engineFrom}) the engine rows of the given
	 * tables; only the copies {@code g} that satisfy {@code only}. Rows written per
	 * table.
	 */
	Map<String, Long> copy(Template template, long from, long to, Shape shape, String only, List<String> engineTables,
			long engineFrom) {
		Map<String, Long> written = new LinkedHashMap<>();
		// the case record first: the rows that refer to it join on the copy's reference
		written.put("victim_case",
				insert("victim_case", "t.reference = ?", template, from, to, only, shape, "", template.reference()));
		for (String table : this.columns.keySet()) {
			if (table.startsWith("act_") || table.equals("victim_case") || table.startsWith("databasechangelog")) {
				continue;
			}
			Set<String> names = names(table);
			long rows;
			if (names.contains("case_id")) {
				rows = insert(table, "t.case_id = (SELECT id FROM victim_case WHERE reference = ?)", template, from, to,
						only, shape, " JOIN victim_case nc ON nc.reference = " + shape.reference(),
						template.reference());
			}
			else if (names.contains("case_reference") && !names.contains("notification_id")) {
				rows = insert(table, "t.case_reference = ?", template, from, to, only, shape, "", template.reference());
			}
			else if (names.contains("notification_id")) {
				rows = insert(table, "t.notification_id IN (SELECT id FROM notification WHERE case_reference = ?)",
						template, from, to, only, shape,
						" JOIN notification tn ON tn.id = t.notification_id JOIN notification nn "
								+ "ON nn.idempotency_key = replace(tn.idempotency_key, " + literal(template.reference())
								+ ", " + shape.reference() + ")",
						template.reference());
			}
			else {
				continue;
			}
			written.put(table, rows);
		}
		String pi = template.processInstanceId();
		if (engineTables.contains("act_ru_variable") && engineFrom <= to) {
			// before the variables that refer to them (act_fk_var_bytearray)
			written.put("act_ge_bytearray (runtime variables')",
					insert("act_ge_bytearray",
							"t.id_ IN (SELECT bytearray_id_ FROM act_ru_variable "
									+ "WHERE proc_inst_id_ = ? AND bytearray_id_ IS NOT NULL)",
							template, engineFrom, to, only, shape, "", pi));
		}
		for (String table : engineTables) {
			Set<String> names = names(table);
			String where;
			Object[] parameters;
			if (table.equals("act_ru_identitylink")) {
				where = "t.task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?)";
				parameters = new Object[] { pi };
			}
			else if (table.equals("act_ru_authorization")) {
				where = "t.resource_id_ IN (SELECT ?::varchar UNION SELECT id_ FROM act_hi_taskinst "
						+ "WHERE proc_inst_id_ = ?)";
				parameters = new Object[] { pi, pi };
			}
			else if (names.contains("proc_inst_id_")) {
				where = "t.proc_inst_id_ = ?";
				parameters = new Object[] { pi };
			}
			else if (names.contains("process_instance_id_")) {
				where = "t.process_instance_id_ = ?";
				parameters = new Object[] { pi };
			}
			else if (names.contains("root_proc_inst_id_")) {
				// the decisions' inputs and outputs: the model calls no other process
				where = "t.root_proc_inst_id_ = ?";
				parameters = new Object[] { pi };
			}
			else {
				throw new IllegalArgumentException("No way to find a journey's rows in " + table);
			}
			if (engineFrom <= to) {
				written.put(table, insert(table, where, template, engineFrom, to, only, shape, "", parameters));
			}
		}
		return written;
	}

	private long insert(String table, String where, Template template, long from, long to, String only, Shape shape,
			String joins, Object... parameters) {
		List<String> targets = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (String[] column : this.columns.get(table)) {
			String name = column[0];
			String type = column[1];
			if ("generated".equals(column[2])) {
				continue;
			}
			targets.add(name);
			values.add(expression(table, name, type, template, shape));
		}
		String sql = "INSERT INTO " + table + " (" + String.join(", ", targets) + ") SELECT "
				+ String.join(", ", values) + " FROM " + table + " t CROSS JOIN generate_series(" + from + "::bigint, "
				+ to + ") AS g" + joins + " WHERE " + where + " AND " + only;
		long started = System.nanoTime();
		int rows = this.jdbc.update(sql, parameters);
		double seconds = (System.nanoTime() - started) / 1e9;
		if (seconds > 5) {
			// which statement makes seeding slow, while it runs
			System.out.printf("benchmark: seeding %s (copies %d..%d): %,d rows in %.1f s%n", table, from, to, rows,
					seconds);
		}
		return rows;
	}

	private String expression(String table, String name, String type, Template template, Shape shape) {
		boolean engine = table.startsWith("act_");
		String column = "t." + name;
		if (table.equals("act_ru_variable") && name.equals("bytearray_id_")) {
			// the copy's own byte array (see copy)
			return "CASE WHEN " + column + " IS NULL THEN NULL ELSE " + copiedId(column) + " END";
		}
		if (type.startsWith("timestamp")) {
			return column + " + " + shape.shift();
		}
		if (type.equals("date")) {
			return "(" + column + " + " + shape.shift() + ")::date";
		}
		if (name.equals("case_id")) {
			return "nc.id";
		}
		if (name.equals("notification_id")) {
			return "nn.id";
		}
		if (!type.equals("character varying") && !type.equals("text")) {
			return column;
		}
		if (engine ? isJourneyId(name) : (name.equals("process_instance_id") || name.equals("task_id"))) {
			return copiedId(column);
		}
		if (engine && !ENGINE_VALUES.contains(name)) {
			return column;
		}
		return "CASE " + column + " WHEN 'officer' THEN " + shape.officer() + " WHEN 'liaison' THEN " + shape.liaison()
				+ " WHEN 'supervisor' THEN " + shape.supervisor() + " WHEN 'investigator' THEN " + shape.investigator()
				+ " WHEN " + literal(template.areaCode()) + " THEN " + shape.area() + " ELSE replace(" + column + ", "
				+ literal(template.reference()) + ", " + shape.reference() + ") END";
	}

	private static boolean isJourneyId(String name) {
		return !SHARED_IDS.contains(name) && (name.equals("id_") || name.endsWith("_id_") || name.equals("super_exec_")
				|| name.equals("var_scope_") || name.equals("parent_id_"));
	}

	/**
	 * Copy {@code g}'s value of a journey's id: Camunda's ids are time-based UUIDs whose
	 * last part (the node) is the same for every id one server makes, so replacing its
	 * last seven characters by {@code g} keeps every id unique and its length.
	 */
	static String copiedId(String column) {
		return "CASE WHEN length(" + column + ") >= 36 THEN left(" + column + ", length(" + column
				+ ") - 7) || lpad(g::text, 7, '0') ELSE " + column + " || '-' || g END";
	}

	private Set<String> names(String table) {
		Set<String> names = new java.util.HashSet<>();
		for (String[] column : this.columns.getOrDefault(table, List.of())) {
			names.add(column[0]);
		}
		return names;
	}

	/**
	 * The engine tables that hold rows of one journey, in this database, in the order
	 * their foreign keys need (an execution before its tasks, a task before its links).
	 */
	List<String> engineTables(boolean runtime, Set<String> history) {
		List<String> tables = new ArrayList<>();
		if (runtime) {
			for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job",
					"act_ru_event_subscr", "act_ru_incident", "act_ru_identitylink", "act_ru_authorization")) {
				if (this.columns.containsKey(table)) {
					tables.add(table);
				}
			}
		}
		for (String table : this.columns.keySet()) {
			if (history.contains(table)) {
				tables.add(table);
			}
		}
		return tables;
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
