package uk.safeguarding.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * Engine history does not grow forever: a closed case's engine history is removed by the
 * engine's history clean-up once its time to live has passed, and not before; the case
 * record (with its chronology) stays until its own retention review, which is never
 * earlier; at that review the nightly retention job disposes of the record (chronology,
 * consent ledger, notices), and the case's access log follows its own time later. Prints
 * how many engine rows one closed journey leaves.
 */
@SharedApplicationTest
// last of all: its clean-up, at a clock years ahead, removes the engine history of every
// closed case in the shared application, not only its own, so a test that runs after it
// and
// compares the product's figures with the engine's history finds rows gone
// (OversightDashboardTest's step times did, once this class left the root package and ran
// before it)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class HistoryCleanupTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	// the engine's history tables that hold one row or more per case
	private static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
			"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_DECINST",
			"ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_INCIDENT", "ACT_HI_OP_LOG", "ACT_HI_COMMENT",
			"ACT_HI_ATTACHMENT", "ACT_HI_EXT_TASK_LOG");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	JourneyPolicy policy;

	@Autowired
	DataSource dataSource;

	@Autowired
	RecordRetention recordRetention;

	@Autowired
	RetentionSettings retention;

	@AfterEach
	void resetClock() {
		// the engine's clock has no public API; tests move it with ClockUtil
		ClockUtil.reset();
	}

	@Test
	void everyModelsHistory_goesNoLaterThanTheCaseRecordsRetentionReview() {
		int reviewDays = this.policy.getRetentionReviewYears() * 365;
		for (ProcessDefinition process : this.repository.createProcessDefinitionQuery().latestVersion().list()) {
			assertThat(process.getHistoryTimeToLive()).as(process.getKey()).isNotNull().isBetween(1, reviewDays);
		}
		for (DecisionDefinition decision : this.repository.createDecisionDefinitionQuery().latestVersion().list()) {
			assertThat(decision.getHistoryTimeToLive()).as(decision.getKey()).isNotNull().isBetween(1, reviewDays);
		}
		// a notice's delivery instance ends before its case closes: with a time to live
		// no
		// longer than the case's, its history goes no later than the case's
		Integer journey = ttl(VictimSafeguardingProcess.KEY);
		assertThat(ttl(VictimSafeguardingProcess.DELIVERY_KEY)).as("notification-delivery")
			.isNotNull()
			.isLessThanOrEqualTo(journey);
	}

	private Integer ttl(String key) {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getHistoryTimeToLive();
	}

	@Test
	void aClosedCasesEngineHistory_goesAfterItsTime_whileItsCaseRecordStaysUntilItsReview() {
		RestJourney as = new RestJourney(this.rest);
		Map<String, Object> started = as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		runJobs(id);
		for (String[] step : JourneyFixtures.ADULT_WITH_CONSENT) {
			as.completeStep(step[0], id, step[1], JourneyFixtures.answers(step[1]));
		}
		runJobs(id);
		HistoricProcessInstance closed = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.singleResult();
		assertThat(closed.getEndTime()).as("the case has closed").isNotNull();
		Map<String, Long> rows = historyRows(id);
		System.out.printf("Engine history of one closed journey (adult, consent, NRM, closure): %d rows %s%n",
				rows.values().stream().mapToLong(Long::longValue).sum(), rows);

		Instant removal = closed.getRemovalTime().toInstant();
		assertThat(removal).as("removed its process's time to live after it closed")
			.isEqualTo(closed.getEndTime().toInstant().plus(Duration.ofDays(2190)));
		LocalDate review = LocalDate
			.parse((String) as.get("supervisor", "/api/cases/" + reference).getBody().get("retentionReviewDate"));
		assertThat(review).as("the case record's review is not before the engine history goes")
			.isAfterOrEqualTo(removal.atZone(ZoneOffset.UTC).toLocalDate());

		// a day before its time, the clean-up leaves it
		cleanUpAt(removal.minus(Duration.ofDays(1)));
		assertThat(historyRows(id).get("ACT_HI_PROCINST")).isOne();

		// a day after, it is gone, row by row
		cleanUpAt(removal.plus(Duration.ofDays(1)));
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> historyRows(id).values().stream().allMatch((count) -> count == 0));

		// the case record and its chronology stay until their own review
		Map<String, Object> record = as.get("supervisor", "/api/cases/" + reference).getBody();
		assertThat(record).containsEntry("status", "CLOSED");
		assertThat((List<?>) record.get("chronology")).isNotEmpty();

		// the nightly retention job the day before the review keeps the record whole
		JdbcTemplate db = new JdbcTemplate(this.dataSource);
		retentionAt(review.minusDays(1));
		assertThat(as.get("supervisor", "/api/cases/" + reference).getStatusCode().value()).isEqualTo(200);
		assertThat(caseRows(db, reference)).as("the record's rows the day before its review")
			.allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

		// on its review date it goes, with its chronology, consent ledger and notices;
		// the access log keeps who read it, and records the erasure
		RecordRetention.Outcome outcome = retentionAt(review);
		assertThat(outcome.casesDisposed()).as("case records disposed of at their review").isPositive();
		assertThat(caseRows(db, reference)).as("the record's rows on its review date")
			.allSatisfy((table, count) -> assertThat(count).as(table).isZero());
		assertThat(as.get("supervisor", "/api/cases/" + reference).getStatusCode().value()).isEqualTo(404);
		assertThat(db.queryForList("select operation from case_access_log where case_reference = ?", String.class,
				reference))
			.as("the access log outlives the record")
			.contains("CONSULTATION", "ERASURE");

		// and goes its own time after its last entry, the erasure
		retentionAt(review.plus(this.retention.getAccessLog()).plusDays(1));
		assertThat(db.queryForObject("select count(*) from case_access_log where case_reference = ?", Long.class,
				reference))
			.as("access log entries left after their time")
			.isZero();
	}

	/** The retention job run at 06:00 in London on that day (after its nightly time). */
	private RecordRetention.Outcome retentionAt(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(6, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
		return this.recordRetention.run();
	}

	/** Rows kept for one case record, by table. */
	private static Map<String, Long> caseRows(JdbcTemplate db, String reference) {
		Map<String, Long> rows = new LinkedHashMap<>();
		rows.put("victim_case",
				db.queryForObject("select count(*) from victim_case where reference = ?", Long.class, reference));
		for (String table : List.of("chronology_entry", "consent_record")) {
			rows.put(table, db.queryForObject("select count(*) from " + table + " where case_id in "
					+ "(select id from victim_case where reference = ?)", Long.class, reference));
		}
		rows.put("notification",
				db.queryForObject("select count(*) from notification where case_reference = ?", Long.class, reference));
		return rows;
	}

	private void cleanUpAt(Instant when) {
		ClockUtil.setCurrentTime(Date.from(when));
		Job job = this.history.cleanUpHistoryAsync(true);
		for (int i = 0; i < 20 && this.history.findHistoryCleanupJobs()
			.stream()
			.anyMatch((j) -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime())); i++) {
			try {
				this.management.executeJob(job.getId());
			}
			catch (OptimisticLockingException ex) {
				// the job executor ran the same clean-up job at the same moment: it has
				// cleaned up, and the loop looks again. Any other failure fails the test
			}
			job = this.history.findHistoryCleanupJobs().get(0);
		}
	}

	private Map<String, Long> historyRows(String processInstanceId) {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : HISTORY_TABLES) {
			String column = table.equals("ACT_HI_PROCINST") ? "PROC_INST_ID_" : "ROOT_PROC_INST_ID_";
			rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?",
					Long.class, processInstanceId));
		}
		return rows;
	}

	/**
	 * Waits for the job executor to run the case's due jobs (it runs in this application
	 * and is told of each new job), rather than racing it with {@code executeJob}; a job
	 * that failed fails the test.
	 */
	private void runJobs(String processInstanceId) {
		// this case's jobs only: other tests' cases in the shared application may hold a
		// job that failed on purpose (an area taken out of the directory, say)
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.management.createJobQuery()
				.processInstanceId(processInstanceId)
				.executable()
				.count() == 0);
		assertThat(this.management.createJobQuery().processInstanceId(processInstanceId).withException().list())
			.as("the case's jobs that failed")
			.extracting(Job::getExceptionMessage)
			.isEmpty();
	}

}
