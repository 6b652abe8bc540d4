package uk.safeguarding.workflow.retention;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the product keeps its own records ({@code safeguarding.retention}); engine
 * history has its own rule (the models' {@code historyTimeToLive}, never beyond the case
 * record's review). docs/security.md, "Retention".
 */
@ConfigurationProperties("safeguarding.retention")
public class RetentionSettings {

	/** What happens to a closed case's record on its retention review date. */
	public enum AtReview {

		/**
		 * The case record goes with everything kept for it (chronology, consent ledger,
		 * missing episodes, operation link, notices and their delivery attempts); its
		 * access log records the erasure.
		 */
		DISPOSE,

		/**
		 * The record stays past its review (a force that reviews each record by hand
		 * under its MoPI policy); the job only reports how many are due.
		 */
		RETAIN

	}

	/** Whether the nightly retention job runs. */
	private boolean enabled = true;

	/** When it runs: after the engine's history clean-up window (01:00 to 05:00). */
	private String cron = "0 30 5 * * *";

	/** Cases handled per transaction. */
	private int batchSize = 100;

	/**
	 * The case record at its review date
	 * ({@code safeguarding.policy.retention-review-years} after closure).
	 */
	private AtReview caseRecord = AtReview.DISPOSE;

	/**
	 * The chronology of a closed case goes this long after closure; empty: with the case
	 * record. Never later than the record's review (the record takes it along).
	 */
	private Period chronology;

	/**
	 * A case's access log (DPA 2018 s62) outlives its record: an entry goes this long
	 * after it was written, once the record is gone, so who read a case, and its erasure,
	 * can still be shown after the record went.
	 */
	private Period accessLog = Period.ofYears(8);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getCron() {
		return this.cron;
	}

	public void setCron(String cron) {
		this.cron = cron;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("safeguarding.retention.batch-size must be at least 1: " + batchSize);
		}
		this.batchSize = batchSize;
	}

	public AtReview getCaseRecord() {
		return this.caseRecord;
	}

	public void setCaseRecord(AtReview caseRecord) {
		this.caseRecord = caseRecord;
	}

	public Period getChronology() {
		return this.chronology;
	}

	public void setChronology(Period chronology) {
		if (chronology != null && chronology.isNegative()) {
			throw new IllegalArgumentException("safeguarding.retention.chronology must not be negative: " + chronology);
		}
		this.chronology = chronology;
	}

	public Period getAccessLog() {
		return this.accessLog;
	}

	public void setAccessLog(Period accessLog) {
		if (accessLog == null || accessLog.isNegative()) {
			throw new IllegalArgumentException("safeguarding.retention.access-log must be a period: " + accessLog);
		}
		this.accessLog = accessLog;
	}

}
