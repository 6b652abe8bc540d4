package uk.safeguarding.workflow;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.safeguarding.workflow.ProductPagesTest.Browser;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The oversight pages at volume (issue 9 item 6): seeds open and closed cases, then loads
 * each page many times as a manager and as a supervisor and prints p50/p95 and the SQL
 * one load runs. Not part of {@code mvn verify} (its name ends in "Benchmark"); run with
 *
 * <pre>
 * mvn -B test -Poversight-benchmark -Dbenchmark.open=20000 -Dbenchmark.closed=300000
 * </pre>
 *
 * Open cases are real process instances, each waiting at one step (started at that step
 * with the product's own task listeners, so every task has its due date and grants);
 * their case records, and the closed cases' records, completed steps and notices are
 * written in SQL batches (no page reads the engine's history, so none is seeded).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:volume;DB_CLOSE_DELAY=-1",
				"SAFEGUARDING_DEMO_PASSWORD=" + RestJourney.PASSWORD, "spring.mail.host=127.0.0.1",
				"spring.mail.port=3025", "safeguarding.local-mail.enabled=false",
				"camunda.bpm.job-execution.enabled=false" })
class OversightVolumeBenchmark {

	static final int OPEN = Integer.getInteger("benchmark.open", 2000);

	static final int CLOSED = Integer.getInteger("benchmark.closed", 30000);

	static final int LOADS = Integer.getInteger("benchmark.loads", 30);

	static final String[] AREAS = { "W06000015", "E08000025", "E09000033", "E08000035", "E06000023", "W06000011" };

	static final String[] STEPS = { UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.RECORD_CRIME,
			UserTasks.ALLOCATE_INVESTIGATOR, UserTasks.AGREE_VICTIM_STRATEGY, UserTasks.SEEK_INFORMED_CONSENT,
			UserTasks.SUBMIT_NRM_REFERRAL, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION,
			UserTasks.CONDUCT_SUPERVISORY_REVIEW };

	static final String[] COMPLETED = { UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.RECORD_CRIME,
			UserTasks.ALLOCATE_INVESTIGATOR, UserTasks.DEPLOY_VICTIM_LIAISON, UserTasks.SEEK_INFORMED_CONSENT,
			UserTasks.SUBMIT_NRM_REFERRAL };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	final Random random = new Random(42);

	@Test
	void oversightPagesAtVolume() throws Exception {
		Instant now = Instant.now();
		long seeding = System.nanoTime();
		seedCaseRecords("MSHT-2024-", CLOSED, false, now);
		seedCaseRecords("MSHT-2025-", OPEN, true, now);
		System.out.printf("benchmark: %d closed and %d open case records, outcomes and notices in %.0f s%n", CLOSED,
				OPEN, (System.nanoTime() - seeding) / 1e9);
		long engine = System.nanoTime();
		startOpenCases(now);
		System.out.printf("benchmark: %d open cases started in the engine in %.0f s%n", OPEN,
				(System.nanoTime() - engine) / 1e9);
		// the indexes of changesets 401 and 402 (db/changelog/changes/400-oversight-...):
		// the
		// branch's Hibernate schema does not make them
		for (String index : List.of(
				"CREATE INDEX IF NOT EXISTS ix_notification_audience_created ON notification (audience, created_at)",
				"CREATE INDEX IF NOT EXISTS ix_notification_status ON notification (status, case_reference)",
				"CREATE INDEX IF NOT EXISTS ix_notification_case_reference ON notification (case_reference)",
				"CREATE INDEX IF NOT EXISTS ix_victim_case_status_identified ON victim_case (status, identified_at)",
				"CREATE INDEX IF NOT EXISTS ix_victim_case_status_supervisor ON victim_case (status, supervisor)",
				"CREATE INDEX IF NOT EXISTS ix_victim_case_status_area ON victim_case (status, area_code)",
				"CREATE INDEX IF NOT EXISTS ix_victim_case_process_instance ON victim_case (process_instance_id)")) {
			this.jdbc.execute(index);
		}
		this.jdbc.execute("ANALYZE");

		String base = "http://localhost:" + this.port;
		Map<String, Browser> users = new LinkedHashMap<>();
		for (String user : List.of("manager", "supervisor")) {
			Browser browser = new Browser(base);
			browser.signIn(user, RestJourney.PASSWORD, "/oversight");
			users.put(user, browser);
		}
		List<String> pages = List.of("/oversight", "/oversight?area=E08000025", "/oversight?pathway=CHILD&period=30",
				"/oversight?step=" + UserTasks.RECORD_CRIME + "&period=7", "/oversight/overdue.csv");
		StringBuilder table = new StringBuilder(String.format(
				"%nbenchmark: %d open, %d closed cases; %d loads each%n"
						+ "| user | page | p50 ms | p95 ms | SQL statements per load |%n|---|---|---|---|---|%n",
				OPEN, CLOSED, LOADS));
		Map<String, Set<String>> statements = new LinkedHashMap<>();
		for (Map.Entry<String, Browser> user : users.entrySet()) {
			for (String page : pages) {
				for (int i = 0; i < 3; i++) {
					user.getValue().get(page);
				}
				ListAppender<ILoggingEvent> sql = startSqlCapture();
				var first = user.getValue().get(page);
				int count = stopSqlCapture(sql, statements.computeIfAbsent(page, (k) -> new LinkedHashSet<>()));
				if (first.statusCode() != 200) {
					throw new AssertionError(page + " answered " + first.statusCode());
				}
				long[] times = new long[LOADS];
				for (int i = 0; i < LOADS; i++) {
					long start = System.nanoTime();
					user.getValue().get(page);
					times[i] = (System.nanoTime() - start) / 1_000_000;
				}
				Arrays.sort(times);
				table.append(String.format("| %s | `%s` | %d | %d | %d |%n", user.getKey(), page,
						times[(int) Math.floor(LOADS * 0.5)],
						times[Math.min(LOADS - 1, (int) Math.ceil(LOADS * 0.95) - 1)], count));
			}
		}
		System.out.println(table);
		System.out.println("benchmark: the SQL one load of /oversight runs (as a manager and a supervisor):");
		statements.get("/oversight").forEach((statement) -> System.out.println("  " + statement));
	}

	private void seedCaseRecords(String prefix, int count, boolean open, Instant now) {
		List<Object[]> cases = new ArrayList<>();
		List<Object[]> outcomes = new ArrayList<>();
		List<Object[]> notices = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String reference = prefix + String.format("%06d", i);
			String area = AREAS[i % AREAS.length];
			String pathway = (i % 4 == 0) ? "CHILD" : "ADULT";
			String supervisor = (i % 10 == 0) ? null : (i % 3 == 0) ? "supervisor" : "supervisor" + (i % 7);
			Instant identified = now
				.minus(Duration.ofMinutes(this.random.nextInt(open ? 60 * 24 * 120 : 60 * 24 * 730)));
			cases.add(new Object[] { reference, open ? "OPEN" : "CLOSED", pathway, area, supervisor,
					Timestamp.from(identified), Timestamp.from(identified.plusSeconds(600)),
					open ? null : Timestamp.from(identified.plus(Duration.ofDays(60))) });
			notices.add(new Object[] { reference, "CASE_OPENED", "mash@example.org", "EMAIL", "case-opened",
					reference + "-case-opened",
					"CHILD".equals(pathway) ? "Independent Child Trafficking Guardian service"
							: "Adult safeguarding (Care Act 2014 s42)",
					area, (i % 97 == 0) ? "FAILED" : "SENT", Timestamp.from(identified.plusSeconds(700)) });
			if (!open) {
				Instant at = identified;
				for (String step : COMPLETED) {
					long minutes = 30 + this.random.nextInt(60 * 48);
					Instant done = at.plus(Duration.ofMinutes(minutes));
					Instant due = at.plus(Duration.ofHours(24));
					outcomes.add(new Object[] { reference, step, area, pathway, supervisor, Timestamp.from(at),
							Timestamp.from(due), Timestamp.from(done), !done.isAfter(due), minutes * 60_000 });
					at = done;
				}
			}
			if (cases.size() == 2000 || i == count - 1) {
				this.jdbc.batchUpdate("INSERT INTO victim_case (version, reference, status, pathway, area_code, "
						+ "supervisor, identified_at, opened_at, closed_at, victim_name, age_uncertain, "
						+ "care_and_support_needs, immediate_risk, conclusive_decision_flagged, missing_episodes) "
						+ "VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, 'Synthetic volume case', FALSE, FALSE, FALSE, FALSE, 0)",
						cases);
				this.jdbc.batchUpdate("INSERT INTO notification (case_reference, notice, recipient, channel, occasion, "
						+ "idempotency_key, audience, area_code, status, created_at, attempts, identifying) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, FALSE)", notices);
				if (!outcomes.isEmpty()) {
					this.jdbc
						.batchUpdate("INSERT INTO oversight_step_outcome (case_reference, step, area_code, pathway, "
								+ "supervisor, created_at, due_at, completed_at, on_time, duration_ms) "
								+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", outcomes);
				}
				cases.clear();
				outcomes.clear();
				notices.clear();
			}
		}
	}

	private void startOpenCases(Instant now) {
		List<Map<String, Object>> open = this.jdbc.queryForList(
				"SELECT reference, pathway, area_code, supervisor, identified_at FROM victim_case WHERE status = 'OPEN'");
		List<Object[]> links = new ArrayList<>();
		int i = 0;
		for (Map<String, Object> record : open) {
			String reference = (String) record.get("reference");
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put(VictimSafeguardingProcess.Variables.CASE_REFERENCE, reference);
			variables.put(VictimSafeguardingProcess.Variables.AREA_CODE, record.get("area_code"));
			variables.put(VictimSafeguardingProcess.Variables.PATHWAY, record.get("pathway"));
			variables.put(VictimSafeguardingProcess.Variables.IMMEDIATE_RISK, false);
			variables.put(VictimSafeguardingProcess.Variables.REPORTING_OFFICER, "officer");
			variables.put(VictimSafeguardingProcess.Variables.LIAISON_OFFICER, "liaison");
			Object at = record.get("identified_at");
			Date identified = (at instanceof java.time.OffsetDateTime offset) ? Date.from(offset.toInstant())
					: new Date(((java.util.Date) at).getTime());
			variables.put(VictimSafeguardingProcess.Variables.IDENTIFIED_AT, identified);
			variables.put(VictimSafeguardingProcess.Variables.CASE_OPENED_AT, identified);
			if (record.get("supervisor") != null) {
				variables.put(VictimSafeguardingProcess.Variables.CASE_SUPERVISOR, record.get("supervisor"));
			}
			String id = this.runtime.createProcessInstanceByKey(VictimSafeguardingProcess.KEY)
				.businessKey(reference)
				.setVariables(variables)
				.startBeforeActivity(STEPS[i % STEPS.length])
				.execute(true, true)
				.getId();
			links.add(new Object[] { id, reference });
			i++;
			if (i % 2000 == 0) {
				System.out.printf("benchmark: %d of %d open cases started%n", i, open.size());
			}
		}
		this.jdbc.batchUpdate("UPDATE victim_case SET process_instance_id = ? WHERE reference = ?", links);
	}

	private static ListAppender<ILoggingEvent> startSqlCapture() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		for (String name : List.of("org.springframework.jdbc.core.JdbcTemplate",
				"org.camunda.bpm.engine.impl.persistence.entity")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			logger.setLevel(Level.DEBUG);
			logger.addAppender(appender);
		}
		return appender;
	}

	private static int stopSqlCapture(ListAppender<ILoggingEvent> appender, Set<String> statements) {
		int count = 0;
		for (String name : List.of("org.springframework.jdbc.core.JdbcTemplate",
				"org.camunda.bpm.engine.impl.persistence.entity")) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			logger.detachAppender(appender);
			logger.setLevel(null);
		}
		for (ILoggingEvent event : appender.list) {
			String message = event.getFormattedMessage().replaceAll("\\s+", " ");
			if (message.startsWith("Executing prepared SQL statement [") || message.startsWith("==>  Preparing:")) {
				count++;
				statements.add(message.length() > 400 ? message.substring(0, 400) + " ..." : message);
			}
		}
		return count;
	}

}
