package uk.safeguarding.workflow.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.victimcase.AccessLogEntry.Operation;

/**
 * The product's own records kept by their own rules ({@link RetentionSettings}), beside
 * the engine's history clean-up: on a closed case's retention review date its case record
 * goes, with its chronology, consent ledger, missing episodes, operation link, notices
 * and their delivery attempts, and its access log records the erasure (DPA 2018 s62); the
 * access log itself goes later, once the record is gone. Or, with
 * {@code case-record: RETAIN}, records stay for a person's review and are only counted.
 * <p>
 * Runs nightly on every node: a case is disposed of under its record's row lock, so two
 * nodes at the same moment dispose of it once. Deletes are plain SQL in one transaction
 * per case: the rows are many and the entities are not needed to remove them. The clock
 * is the engine's ({@code ClockUtil}, engine impl: the only clock tests can move for the
 * engine and the product together).
 */
@Component
@EnableConfigurationProperties(RetentionSettings.class)
public class RecordRetention {

	private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** What one run removed. */
	public record Outcome(int casesDisposed, int casesDueButRetained, int chronologyEntries, int accessLogEntries) {
	}

	private final JdbcTemplate db;

	private final TransactionTemplate transaction;

	private final RetentionSettings settings;

	public RecordRetention(DataSource dataSource, PlatformTransactionManager transactions, RetentionSettings settings,
			JourneyPolicy policy) {
		this.db = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		if (settings.getChronology() != null && LocalDate.of(2000, 1, 1)
			.plus(settings.getChronology())
			.isAfter(LocalDate.of(2000, 1, 1).plusYears(policy.getRetentionReviewYears()))) {
			throw new IllegalStateException("safeguarding.retention.chronology (" + settings.getChronology()
					+ ") is longer than the case record's retention review (" + policy.getRetentionReviewYears()
					+ " years): the record takes its chronology along at its "
					+ "review. Leave it empty or shorten it.");
		}
	}

	/** Nightly, unless {@code safeguarding.retention.enabled=false}. */
	@Component
	@ConditionalOnProperty(name = "safeguarding.retention.enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final RecordRetention retention;

		Schedule(RecordRetention retention) {
			this.retention = retention;
		}

		@Scheduled(cron = "${safeguarding.retention.cron:0 30 5 * * *}", zone = "Europe/London")
		void run() {
			this.retention.run();
		}

	}

	/** Applies every rule as of the engine's clock. */
	public Outcome run() {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		LocalDate today = now.atZone(LONDON).toLocalDate();
		int disposed = 0;
		int retained = 0;
		if (this.settings.getCaseRecord() == RetentionSettings.AtReview.DISPOSE) {
			disposed = disposeReviewedCases(today, now);
		}
		else {
			retained = this.db.queryForObject(
					"select count(*) from victim_case where closed_at is not null " + "and retention_review_date <= ?",
					Integer.class, today);
		}
		int chronology = 0;
		if (this.settings.getChronology() != null) {
			Instant closedBefore = now.atZone(LONDON).minus(this.settings.getChronology()).toInstant();
			chronology = this.transaction.execute((status) -> this.db.update(
					"delete from chronology_entry where case_id in "
							+ "(select id from victim_case where closed_at is not null and closed_at < ?)",
					Timestamp.from(closedBefore)));
		}
		Instant writtenBefore = now.atZone(LONDON).minus(this.settings.getAccessLog()).toInstant();
		int accessLog = this.transaction.execute((status) -> this.db.update("delete from case_access_log where at < ? "
				+ "and not exists (select 1 from victim_case c where c.reference = case_access_log.case_reference)",
				Timestamp.from(writtenBefore)));
		Outcome outcome = new Outcome(disposed, retained, chronology, accessLog);
		if (disposed + retained + chronology + accessLog > 0) {
			log.info("Retention: {} case record(s) disposed of at their review, {} due for review and retained "
					+ "(case-record: RETAIN), {} chronology entries and {} access log entries past their time removed",
					disposed, retained, chronology, accessLog);
		}
		return outcome;
	}

	private int disposeReviewedCases(LocalDate today, Instant now) {
		int disposed = 0;
		while (true) {
			JdbcTemplate batch = new JdbcTemplate(this.db.getDataSource());
			batch.setMaxRows(this.settings.getBatchSize());
			List<Map<String, Object>> due = batch.queryForList("select id, reference from victim_case "
					+ "where closed_at is not null and retention_review_date <= ? order by retention_review_date, id",
					today);
			if (due.isEmpty()) {
				return disposed;
			}
			int before = disposed;
			for (Map<String, Object> row : due) {
				long id = ((Number) row.get("id")).longValue();
				String reference = (String) row.get("reference");
				try {
					Boolean gone = this.transaction.execute((status) -> dispose(id, reference, now));
					disposed += Boolean.TRUE.equals(gone) ? 1 : 0;
				}
				catch (RuntimeException ex) {
					// the others still go; this one is tried again next night
					log.warn("Could not dispose of the case record {} at its retention review: {}", reference,
							ex.getMessage());
				}
			}
			if (disposed == before) {
				// nothing in this batch could go: try again next night, not in a loop
				return disposed;
			}
		}
	}

	private boolean dispose(long id, String reference, Instant now) {
		// another node disposing of it at the same moment holds this lock; once it has
		// committed the record is gone and this one does nothing
		if (this.db.queryForList("select id from victim_case where id = ? for update", Long.class, id).isEmpty()) {
			return false;
		}
		this.db.update("delete from notification_attempt where notification_id in "
				+ "(select id from notification where case_reference = ?)", reference);
		this.db.update("delete from notification where case_reference = ?", reference);
		for (String table : List.of("chronology_entry", "consent_record", "missing_episode", "case_operation")) {
			this.db.update("delete from " + table + " where case_id = ?", id);
		}
		this.db.update("delete from victim_case where id = ?", id);
		this.db.update(
				"insert into case_access_log (at, user_id, case_reference, operation, purpose) values (?, ?, ?, ?, ?)",
				Timestamp.from(now), null, reference, Operation.ERASURE.name(),
				"Retention review: case record, chronology, consent ledger and notices disposed of");
		return true;
	}

}
