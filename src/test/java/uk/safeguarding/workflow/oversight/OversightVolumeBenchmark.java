package uk.safeguarding.workflow.oversight;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.web.ProductPagesTest.Browser;
import uk.safeguarding.workflow.oversight.VolumeSeeder.Shape;
import uk.safeguarding.workflow.oversight.VolumeSeeder.Template;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.tasklist.TasklistFilters;

/**
 * Ten years of volume (issue 9 item 6, issue 12 item 8), on PostgreSQL: drives a few real
 * journeys through the product (templates: open at each step, adults and children, and
 * closed), copies their rows into 300,000 closed and 20,000 open cases with set-based SQL
 * ({@link VolumeSeeder}), then loads every oversight page, the case pages, the case API
 * and each role's Tasklist filters many times and prints p50/p95 per page, with the SQL
 * each load runs (from {@code pg_stat_statements}) and the plans of its slow statements
 * ({@code auto_explain}, in {@code target/volume-postgres.log}). Not part of
 * {@code mvn verify} (its name ends in "Benchmark"; {@code
 * OversightVolumeSmokeTest} runs it small there); run with
 *
 * <pre>
 * mvn -B test -Poversight-benchmark -Dbenchmark.open=20000 -Dbenchmark.closed=300000
 * </pre>
 *
 * With {@code -Dbenchmark.data=DIR} the seeded database is kept in DIR and reused by the
 * next run (seeded once, measured again after a change; the product's Liquibase changes
 * are applied to it at start, as in production).
 */
@DirtiesContext
@org.junit.jupiter.api.Order(2)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "SAFEGUARDING_DEMO_PASSWORD=" + RestJourney.PASSWORD, "spring.mail.host=127.0.0.1",
				"safeguarding.local-mail.enabled=false",
				// the copies' timers are in the past: nothing may fire while the pages
				// are
				// measured
				"camunda.bpm.job-execution.enabled=false" })
class OversightVolumeBenchmark {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(Integer.getInteger("benchmark.mail-port", 3027), "127.0.0.1", "smtp"));

	static final String DATA = System.getProperty("benchmark.data");

	/**
	 * A run of its own beside the smoke test (both in one network namespace) needs
	 * another.
	 */
	static final int MAIL_PORT = Integer.getInteger("benchmark.mail-port", 3027);

	static final EmbeddedPostgres POSTGRES = startPostgres();

	static final String[] AREAS = { "W06000015", "E08000025", "E09000033", "E08000035", "E06000023", "W06000011" };

	/** Engine history kept for a closed case (the pages never read more of it). */
	static final Set<String> CLOSED_HISTORY = Set.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst");

	/** Engine history of an open case: all of it. */
	static final Set<String> OPEN_HISTORY = Set.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
			"act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_job_log", "act_hi_op_log",
			"act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out");

	/** Who completes a step offered to a group. */
	static final Map<String, String> MEMBER = Map.of(Groups.FIRST_RESPONDERS, "officer", Groups.SUPERVISORS,
			"supervisor", Groups.VICTIM_LIAISON, "liaison", Groups.INVESTIGATORS, "investigator", Groups.MANAGERS,
			"manager");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	FilterService filters;

	final List<String> report = new ArrayList<>();

	int open() {
		return Integer.getInteger("benchmark.open", 2000);
	}

	int closed() {
		return Integer.getInteger("benchmark.closed", 30000);
	}

	int loads() {
		return Integer.getInteger("benchmark.loads", 20);
	}

	static EmbeddedPostgres startPostgres() {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				// a large data directory on a loaded machine starts in more than the
				// default 10 s
				.setPGStartupWait(java.time.Duration.ofMinutes(2))
				.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
				.setServerConfig("pg_stat_statements.track", "all")
				// with custom plans forced (database/PostgresQueryPlans) every statement
				// is planned again: its planning time is part of each load
				.setServerConfig("pg_stat_statements.track_planning", "on")
				.setServerConfig("auto_explain.log_min_duration", "-1")
				.setServerConfig("auto_explain.log_analyze", "on")
				.setServerConfig("auto_explain.log_buffers", "on")
				.setServerConfig("auto_explain.log_nested_statements", "on")
				// a seeding database: losing it in a crash costs a reseed, nothing else
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("work_mem", "16MB")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("log_destination", "stderr");
			new File("target").mkdirs();
			builder.setErrorRedirector(ProcessBuilder.Redirect.appendTo(new File("target/volume-postgres.log")));
			if (DATA != null) {
				builder.setDataDirectory(new File(DATA))
					.setCleanDataDirectory(false)
					// its Unix socket's lock is in /tmp, shared by every network
					// namespace:
					// two benchmarks on two data directories need two ports
					.setPort(Integer.getInteger("benchmark.port", 54329));
			}
			EmbeddedPostgres postgres = builder.start();
			try (var connection = postgres.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			}
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
		registry.add("spring.mail.port", () -> MAIL_PORT);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void tenYearsOfVolume() throws Exception {
		int open = open();
		int closed = closed();
		long seeded = this.jdbc.queryForObject("SELECT COUNT(*) FROM victim_case", Long.class);
		if (seeded < open + closed) {
			seed(open, closed);
			completeACopysStep();
		}
		else {
			line("benchmark: reusing the seeded database in %s (%d case records)", DATA, seeded);
		}
		counts();
		if (Boolean.getBoolean("benchmark.seed-only")) {
			// seeded now, measured by the next run in a quiet window
			return;
		}
		measure();
		Path out = Path.of("target", "volume-report.md");
		Files.writeString(out, String.join("\n", this.report) + "\n", StandardCharsets.UTF_8);
		System.out.println("benchmark: report written to " + out.toAbsolutePath());
	}

	// ---------------------------------------------------------------- seeding

	/** Open cases are copied at each of the first steps of a journey. */
	static final int OPEN_STEPS = 8;

	private void seed(int open, int closed) throws Exception {
		long started = System.nanoTime();
		VolumeSeeder seeder = new VolumeSeeder(this.jdbc);
		// closed: g = 1..closed, oldest first over ten years; 40% children (every g % 5
		// in 3, 4); engine history only for the last six years (the history clean-up
		// removes it six years after closure)
		String closedShift = "make_interval(secs => -((" + closed + " - g)::float8 / " + Math.max(1, closed)
				+ " * 3650 * 86400 + (g * 7919) % 86400))";
		Shape closedShape = shape("'MSHT-' || (2016 + (g * 10 / " + (closed + 1) + ")) || '-' || lpad(g::text, 6, '0')",
				closedShift);
		long withHistory = Math.round(closed * 0.4);
		List<String> closedTables = seeder.engineTables(false, CLOSED_HISTORY);
		// open: g = closed+1..closed+open, spread over the first steps of an adult's and
		// a child's journey; four in five identified in the last half day, one in five
		// up to 60 days ago (their steps long overdue)
		String openShift = "make_interval(secs => -(CASE WHEN g % 5 = 0 THEN (g * 7919) % (60 * 86400) "
				+ "ELSE (g * 7919) % 43200 END))";
		Shape openShape = shape("'MSHT-2025-' || lpad(g::text, 6, '0')", openShift);
		List<String> openTables = seeder.engineTables(true, OPEN_HISTORY);
		double driving = 0;
		double copyingOpen = 0;
		double copyingClosed = 0;
		for (int kind = 0; kind < 2; kind++) {
			boolean child = kind == 1;
			RestJourney as = new RestJourney(this.rest);
			ClockUtil.setCurrentTime(new Date());
			long drive = System.nanoTime();
			Template template = start(as, child);
			driving += (System.nanoTime() - drive) / 1e9;
			// the journey's state after each of its first steps, copied into its share of
			// the open cases; then on to its end, copied into its share of the closed
			for (int step = 0; step < OPEN_STEPS; step++) {
				holdJsonOnOpenSteps(template);
				if (kind == 0 && step == 0) {
					this.check = checkCopy(seeder, template, closed + open + 1, openShape, openTables);
				}
				long copy = System.nanoTime();
				copyInChunks(seeder, template, closed + 1, closed + open, 2 * OPEN_STEPS,
						Set.of(kind * OPEN_STEPS + step), openShape, 0, openTables);
				copyingOpen += (System.nanoTime() - copy) / 1e9;
				drive = System.nanoTime();
				if (!next(as, template)) {
					throw new AssertionError("the template journey ended after " + step + " steps");
				}
				driving += (System.nanoTime() - drive) / 1e9;
			}
			drive = System.nanoTime();
			while (next(as, template)) {
				// on to the end
			}
			driving += (System.nanoTime() - drive) / 1e9;
			if (this.runtime.createProcessInstanceQuery().processInstanceId(template.processInstanceId()).count() > 0) {
				throw new AssertionError("the template journey " + template.reference() + " waits with no open step");
			}
			long copy = System.nanoTime();
			copyInChunks(seeder, template, 1, closed, 5, child ? Set.of(3, 4) : Set.of(0, 1, 2), closedShape,
					withHistory, closedTables);
			copyingClosed += (System.nanoTime() - copy) / 1e9;
		}
		ClockUtil.reset();
		line("benchmark: two template journeys (an adult's, a child's) driven through the product in %.0f s; "
				+ "%,d open cases copied in %.0f s, %,d closed in %.0f s", driving, open, copyingOpen, closed,
				copyingClosed);
		long analysing = System.nanoTime();
		this.jdbc.execute("VACUUM ANALYZE");
		line("benchmark: VACUUM ANALYZE in %.0f s; seeding took %.0f s in all (load average %s)",
				(System.nanoTime() - analysing) / 1e9, (System.nanoTime() - started) / 1e9, loadAverage());
	}

	/**
	 * A task-local variable the engine stores as a byte array, as the pickers' choices
	 * are.
	 */
	static final String JSON_VARIABLE = "volumeSeededChoices";

	/**
	 * The copy whose step {@link #completeACopysStep} completes, and who completes it.
	 */
	record Check(String reference, String user, String step) {
	}

	Check check;

	/**
	 * Every open step of the template holds a JSON task-local variable (a byte array in
	 * {@code ACT_GE_BYTEARRAY}), so every open copy's step holds one too.
	 */
	private void holdJsonOnOpenSteps(Template template) {
		for (Task task : this.tasks.createTaskQuery().processInstanceId(template.processInstanceId()).list()) {
			this.tasks.setVariableLocal(task.getId(), JSON_VARIABLE,
					org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"id\":\"seeded\"}]").create());
		}
	}

	/**
	 * One more copy of the template at its first step, copy {@code g}, whose people are
	 * the template's own (so its step's user can sign in and complete it).
	 */
	private Check checkCopy(VolumeSeeder seeder, Template template, long g, Shape openShape, List<String> tables) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(template.processInstanceId())
			.orderByTaskCreateTime()
			.asc()
			.list()
			.get(0);
		String user = (task.getAssignee() != null) ? task.getAssignee() : memberFor(task);
		seeder.copy(template, g, g, new Shape(openShape.reference(), openShape.shift(), "'officer'", "'liaison'",
				"'supervisor'", "'investigator'", "'" + template.areaCode() + "'"), "true", tables, g);
		return new Check(String.format("MSHT-2025-%06d", g), user, task.getTaskDefinitionKey());
	}

	/**
	 * A seeded copy's step completes (HTTP 204) while the other copies of that step still
	 * hold their JSON variables: each copy's runtime byte arrays are its own, so the
	 * engine's delete of the completed step's variable touches no other copy's.
	 */
	private void completeACopysStep() {
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(this.check.reference())
			.taskDefinitionKey(this.check.step())
			.singleResult();
		if (task == null) {
			throw new AssertionError("copy " + this.check.reference() + " is not waiting at " + this.check.step());
		}
		long copiesHolding = byteArrayVariables();
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_variable WHERE task_id_ = ? AND name_ = ? "
				+ "AND bytearray_id_ IS NOT NULL", Long.class, task.getId(), JSON_VARIABLE) != 1) {
			throw new AssertionError("copy " + this.check.reference() + "'s step holds no byte-array variable");
		}
		var done = new RestJourney(this.rest).complete(this.check.user(), task.getId(),
				JourneyFixtures.answers(task.getTaskDefinitionKey()));
		if (done.getStatusCode().value() != 204) {
			throw new AssertionError(
					this.check.user() + " could not complete " + task.getTaskDefinitionKey() + " of the seeded copy "
							+ this.check.reference() + ": " + done.getStatusCode() + " " + done.getBody());
		}
		if (byteArrayVariables() != copiesHolding - 1) {
			throw new AssertionError("completing one copy's step removed other copies' byte arrays");
		}
		line("benchmark: %s completed %s of the seeded copy %s (204); %,d other copies' JSON variables intact",
				this.check.user(), task.getTaskDefinitionKey(), this.check.reference(), copiesHolding - 1);
	}

	/** Open steps' JSON variables whose byte array is there. */
	private long byteArrayVariables() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_variable v JOIN act_ge_bytearray b "
				+ "ON b.id_ = v.bytearray_id_ WHERE v.name_ = ?", Long.class, JSON_VARIABLE);
	}

	private static Shape shape(String reference, String shift) {
		return new Shape(reference, shift, "CASE WHEN g % 50 = 0 THEN 'officer' ELSE 'officer' || (g % 50) END",
				"CASE WHEN g % 40 = 0 THEN 'liaison' ELSE 'liaison' || (g % 40) END",
				"CASE WHEN g % 10 = 0 THEN 'supervisor' ELSE 'supervisor' || (g % 10) END",
				"CASE WHEN g % 30 = 0 THEN 'investigator' ELSE 'investigator' || (g % 30) END",
				"(ARRAY['" + String.join("','", AREAS) + "'])[1 + (g % " + AREAS.length + ")::int]");
	}

	private void copyInChunks(VolumeSeeder seeder, Template template, long from, long to, int modulo,
			Set<Integer> residues, Shape shape, long historyFrom, List<String> engineTables) {
		long chunk = 20_000;
		Map<String, Long> rows = new LinkedHashMap<>();
		long began = System.nanoTime();
		for (long start = from; start <= to; start += chunk) {
			long end = Math.min(to, start + chunk - 1);
			// the copies of this template: every g in the range with g % modulo in
			// residues
			String only = "g % " + modulo + " IN (" + String.join(",", residues.stream().map(String::valueOf).toList())
					+ ")";
			seeder
				.copy(template, start, end, shape, only, (end >= historyFrom) ? engineTables : List.of(),
						Math.max(start, historyFrom))
				.forEach((table, n) -> rows.merge(table, n, Long::sum));
			if (to - from >= chunk) {
				System.out.printf("benchmark: seeding %s: copies up to %,d of %,d, %,d rows so far, %.0f s%n",
						template.reference(), end, to, rows.values().stream().mapToLong(Long::longValue).sum(),
						(System.nanoTime() - began) / 1e9);
			}
		}
		line("benchmark: copies of %s (%s): %s", template.reference(), template.processInstanceId(), rows);
	}

	/**
	 * Starts a template journey as the reporting officer (the report as a test sends it).
	 */
	private Template start(RestJourney as, boolean child) {
		ResponseEntity<Map<String, Object>> started = as.start("officer",
				child ? JourneyFixtures.childReport() : JourneyFixtures.adultReport());
		if (started.getStatusCode().value() != 200) {
			throw new AssertionError("template journey did not start: " + started.getBody());
		}
		runJobs();
		return new Template((String) started.getBody().get("id"), (String) started.getBody().get("businessKey"),
				"W06000015");
	}

	/**
	 * Completes the template's oldest open step as its users would (REST, as the step's
	 * assignee or a member of its group), three hours later on the engine's clock (the
	 * copies' shift takes that lead off again); false when the journey has ended.
	 */
	private boolean next(RestJourney as, Template template) {
		List<Task> open = this.tasks.createTaskQuery()
			.processInstanceId(template.processInstanceId())
			.orderByTaskCreateTime()
			.asc()
			.list();
		if (open.isEmpty()) {
			return false;
		}
		Task task = open.get(0);
		String user = (task.getAssignee() != null) ? task.getAssignee() : memberFor(task);
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(3))));
		Map<String, Object> answers = JourneyFixtures.answers(task.getTaskDefinitionKey());
		if (answers.containsKey("conclusiveGroundsDecisionDate")) {
			// the fixture's "today" by the engine's clock (which is ahead of today)
			answers.put("conclusiveGroundsDecisionDate",
					ClockUtil.getCurrentTime()
						.toInstant()
						.atZone(java.time.ZoneId.of("Europe/London"))
						.toLocalDate()
						.toString());
		}
		var done = as.complete(user, task.getId(), answers);
		if (done.getStatusCode().value() != 204) {
			throw new AssertionError(
					user + " could not complete " + task.getTaskDefinitionKey() + " of a template: " + done.getBody());
		}
		runJobs();
		return this.runtime.createProcessInstanceQuery().processInstanceId(template.processInstanceId()).count() > 0;
	}

	private String memberFor(Task task) {
		for (IdentityLink link : this.tasks.getIdentityLinksForTask(task.getId())) {
			if (link.getGroupId() != null && MEMBER.containsKey(link.getGroupId())) {
				return MEMBER.get(link.getGroupId());
			}
		}
		return "supervisor";
	}

	private void runJobs() {
		for (int round = 0; round < 20; round++) {
			List<Job> due = this.management.createJobQuery()
				.processDefinitionKey(VictimSafeguardingProcess.KEY)
				.executable()
				.list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				try {
					this.management.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// a delivery that failed is retried later, as in production
				}
			}
		}
	}

	private void counts() {
		StringBuilder counts = new StringBuilder("benchmark: rows now:");
		for (String table : List.of("victim_case", "chronology_entry", "consent_record", "notification",
				"notification_attempt", "oversight_step_outcome", "case_access_log", "act_ru_execution", "act_ru_task",
				"act_ru_variable", "act_ru_job", "act_ru_authorization", "act_ru_identitylink", "act_hi_procinst",
				"act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail")) {
			counts.append(String.format(" %s %,d;", table,
					this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
		}
		line("%s", counts);
		line("benchmark: open cases %,d, closed %,d, open steps %,d of which overdue %,d; database %s",
				this.jdbc.queryForObject("SELECT COUNT(*) FROM victim_case WHERE status = 'OPEN'", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM victim_case WHERE status = 'CLOSED'", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_task WHERE due_date_ < now()", Long.class),
				this.jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
	}

	// ---------------------------------------------------------------- measuring

	private void measure() throws Exception {
		String base = "http://localhost:" + this.port;
		Map<String, Browser> signedIn = new LinkedHashMap<>();
		for (String user : List.of("manager", "supervisor", "officer")) {
			Browser browser = new Browser(base);
			browser.signIn(user, RestJourney.PASSWORD, "/cases");
			signedIn.put(user, browser);
		}
		String openCase = this.jdbc.queryForObject("SELECT reference FROM victim_case WHERE status = 'OPEN' "
				+ "AND supervisor = 'supervisor' ORDER BY reference FETCH FIRST 1 ROWS ONLY", String.class);
		String closedCase = this.jdbc.queryForObject(
				"SELECT reference FROM victim_case WHERE status = 'CLOSED' "
						+ "AND supervisor = 'supervisor' ORDER BY reference DESC FETCH FIRST 1 ROWS ONLY",
				String.class);

		Map<String, Callable<Integer>> probes = new LinkedHashMap<>();
		for (String user : List.of("manager", "supervisor")) {
			Browser browser = signedIn.get(user);
			for (String page : List.of("/oversight", "/oversight?area=E08000025", "/oversight?pathway=CHILD&period=30",
					"/oversight?step=" + UserTasks.RECORD_CRIME + "&period=7", "/oversight?supervisor=supervisor3",
					"/oversight/overdue.csv")) {
				probes.put(user + " " + page, () -> browser.get(page).statusCode());
			}
		}
		for (String user : List.of("supervisor", "officer", "manager")) {
			Browser browser = signedIn.get(user);
			probes.put(user + " /cases", () -> browser.get("/cases").statusCode());
		}
		probes.put("supervisor /cases/{open}", () -> signedIn.get("supervisor").get("/cases/" + openCase).statusCode());
		probes.put("supervisor /cases/{closed}",
				() -> signedIn.get("supervisor").get("/cases/" + closedCase).statusCode());
		probes.put("supervisor GET /api/cases/{open}", () -> api("supervisor", "GET", "/api/cases/" + openCase, null));
		probes.put("supervisor GET /api/cases/{closed}",
				() -> api("supervisor", "GET", "/api/cases/" + closedCase, null));
		Map<String, List<String>> groupsOf = Map.of("officer", List.of(Groups.FIRST_RESPONDERS), "supervisor",
				List.of(Groups.SUPERVISORS), "manager", List.of(Groups.MANAGERS));
		for (String user : List.of("supervisor", "manager", "officer")) {
			for (TasklistFilters.Definition definition : TasklistFilters.DEFINITIONS) {
				if (definition.groups().stream().noneMatch(groupsOf.get(user)::contains)) {
					continue;
				}
				Filter filter = this.filters.createFilterQuery().filterName(definition.name()).singleResult();
				// what Tasklist asks for one filter: the first page, with the variables
				// of its columns, and the count
				probes.put(user + " filter \"" + definition.name() + "\"", () -> {
					int list = api(user, "POST",
							"/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15", "{}");
					int count = api(user, "GET", "/engine-rest/filter/" + filter.getId() + "/count", null);
					return (list == 200) ? count : list;
				});
			}
		}
		probes
			.put("manager GET /engine-rest/task?dueBefore=now (first 15)",
					() -> api("manager", "GET",
							"/engine-rest/task?dueBefore="
									+ java.net.URLEncoder.encode(java.time.OffsetDateTime.now()
										.format(java.time.format.DateTimeFormatter
											.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")), StandardCharsets.UTF_8)
									+ "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15",
							null));

		// -Dbenchmark.probes=<regular expression>: only the pages whose name matches
		// (e.g.
		// '.*filter.*' for the Tasklist filters alone), to measure one change quickly
		String only = System.getProperty("benchmark.probes");
		if (only != null && !only.isBlank()) {
			probes.keySet().removeIf((name) -> !name.matches(only));
			line("benchmark: only the pages matching %s: %s", only, probes.keySet());
		}
		int loads = loads();
		line("%nbenchmark: %d loads of each page after up to 2 warm-up loads; load average before: %s", loads,
				loadAverage());
		line("| who | page | p50 ms | p95 ms | SQL statements per load | SQL ms per load | planning ms per load | slowest statement (mean ms) |");
		line("|---|---|---|---|---|---|---|---|");
		Map<String, List<String>> statements = new LinkedHashMap<>();
		for (Map.Entry<String, Callable<Integer>> probe : probes.entrySet()) {
			for (int i = 0; i < Math.min(2, loads); i++) {
				check(probe.getKey(), probe.getValue().call());
			}
			this.jdbc.execute("SELECT pg_stat_statements_reset()");
			long[] times = new long[loads];
			for (int i = 0; i < loads; i++) {
				long start = System.nanoTime();
				check(probe.getKey(), probe.getValue().call());
				times[i] = (System.nanoTime() - start) / 1_000_000;
			}
			Arrays.sort(times);
			List<Map<String, Object>> sql = this.jdbc
				.queryForList("SELECT calls, total_exec_time, total_plan_time, mean_exec_time, "
						+ "rows, query FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' "
						+ "AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
						+ "ORDER BY total_exec_time DESC");
			long calls = 0;
			double total = 0;
			double planning = 0;
			for (Map<String, Object> row : sql) {
				calls += ((Number) row.get("calls")).longValue();
				total += ((Number) row.get("total_exec_time")).doubleValue();
				planning += ((Number) row.get("total_plan_time")).doubleValue();
			}
			String slowest = sql.isEmpty() ? "" : String.format("%.1f: `%s`", sql.get(0).get("mean_exec_time"),
					shorten((String) sql.get(0).get("query"), 90));
			line("| %s | %d | %d | %.1f | %.1f | %.1f | %s |", probe.getKey().replaceFirst(" ", " | "),
					times[(int) Math.floor((loads - 1) * 0.5)],
					times[Math.min(loads - 1, (int) Math.ceil(loads * 0.95) - 1)], calls / (double) loads,
					total / loads, planning / loads, slowest.replace("|", "\\|"));
			List<String> top = new ArrayList<>();
			for (Map<String, Object> row : sql.subList(0, Math.min(6, sql.size()))) {
				top.add(String.format("  %6.1f ms total/load (+%.1f planning), %5.1f calls/load, mean %.2f ms: %s",
						((Number) row.get("total_exec_time")).doubleValue() / loads,
						((Number) row.get("total_plan_time")).doubleValue() / loads,
						((Number) row.get("calls")).doubleValue() / loads, row.get("mean_exec_time"),
						shorten((String) row.get("query"), 600)));
			}
			statements.put(probe.getKey(), top);
		}
		line("benchmark: load average after: %s", loadAverage());
		line("%nbenchmark: the statements that took most time per load, per page:");
		statements.forEach((page, top) -> {
			line("%s", page);
			top.forEach((statement) -> line("%s", statement));
		});

		// one more load of each page with auto_explain on: the plans of its statements
		// over 20 ms go to target/volume-postgres.log
		this.jdbc.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '20ms'");
		this.jdbc.execute("SELECT pg_reload_conf()");
		Thread.sleep(500);
		for (Map.Entry<String, Callable<Integer>> probe : probes.entrySet()) {
			probe.getValue().call();
		}
		this.jdbc.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
		this.jdbc.execute("SELECT pg_reload_conf()");
		line("benchmark: plans of statements over 20 ms (one load of each page) in target/volume-postgres.log");
	}

	private static void check(String probe, int status) {
		if (status != 200) {
			throw new AssertionError(probe + " answered " + status);
		}
	}

	private final HttpClient client = HttpClient.newHttpClient();

	private int api(String user, String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + RestJourney.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String shorten(String sql, int length) {
		String flat = sql.replaceAll("\\s+", " ");
		return (flat.length() > length) ? flat.substring(0, length) + " ..." : flat;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private void line(String format, Object... arguments) {
		String text = String.format(format, arguments);
		System.out.println(text);
		this.report.add(text);
	}

}
