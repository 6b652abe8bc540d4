package uk.safeguarding.workflow.victimcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The aggregate's enums and embeddables write the columns and the values the case record
 * always had (the oversight queries, the metrics and older rows read them as such), and a
 * closed case refuses a further step's fact, keeping what it had. Runs in a transaction
 * that is rolled back: no other test sees this case.
 */
@SharedApplicationTest
class VictimCaseColumnsTest {

	@Autowired
	private VictimCaseService cases;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EntityManager entities;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void statesAreStoredByTheirOldNames_inTheOldColumns() {
		TransactionTemplate rolledBack = new TransactionTemplate(this.transactions);
		rolledBack.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			Instant now = Instant.parse("2026-11-20T09:30:00Z");
			NewCase report = new NewCase("W06000015", "Columns Test Person", LocalDate.of(1990, 4, 12), null, false,
					null, false, true, "Albanian", "FEMALE", "AL", "LABOUR", "UK_ONLY", "W06000015",
					"LESS_THAN_1_MONTH", now, "officer", null, null);
			String reference = this.cases.open(report, "Cardiff", now).getReference();
			this.cases.recordPathway(reference, "ADULT", "HIGH", now);
			this.cases.recordStep(reference, UserTasks.SEEK_INFORMED_CONSENT, "Seek informed consent", "liaison",
					Map.of("nrmConsent", "GIVEN", "professionalInterpreterUsed", true), Map.of(), now);
			this.cases.recordStep(reference, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION, "Record RG", "officer",
					Map.of("reasonableGroundsDecision", "POSITIVE", "reasonableGroundsDecisionDate", "2026-11-25"),
					Map.of(), now);
			Map<String, Object> closure = new HashMap<>(Map.of("closeCase", true, "closureReason", "NO_FURTHER_ACTION",
					"openItemsSummary", "Nothing open", "retentionReviewYears", 6));
			this.cases.recordStep(reference, UserTasks.REVIEW_CASE_CLOSURE, "Review case closure", "supervisor",
					closure, Map.of(), now);
			this.entities.flush();

			Map<String, Object> row = this.jdbc
				.queryForMap("select status, pathway, risk_level, closure_reason, reasonable_grounds_decision, "
						+ "reasonable_grounds_decision_date, victim_name, gender, nationality, "
						+ "interpreter_language, date_of_birth, retention_review_date from victim_case where reference = ?",
						reference);
			assertThat(row).containsEntry("STATUS", "CLOSED")
				.containsEntry("PATHWAY", "ADULT")
				.containsEntry("RISK_LEVEL", "HIGH")
				.containsEntry("CLOSURE_REASON", "NO_FURTHER_ACTION")
				.containsEntry("REASONABLE_GROUNDS_DECISION", "POSITIVE")
				.containsEntry("VICTIM_NAME", "Columns Test Person")
				.containsEntry("GENDER", "FEMALE")
				.containsEntry("NATIONALITY", "AL")
				.containsEntry("INTERPRETER_LANGUAGE", "Albanian");
			assertThat(String.valueOf(row.get("REASONABLE_GROUNDS_DECISION_DATE"))).isEqualTo("2026-11-25");
			assertThat(String.valueOf(row.get("DATE_OF_BIRTH"))).isEqualTo("1990-04-12");
			assertThat(String.valueOf(row.get("RETENTION_REVIEW_DATE"))).isEqualTo("2032-11-20");
			assertThat(this.jdbc.queryForList(
					"select r.outcome from consent_record r join victim_case c on r.case_id = c.id where c.reference = ?",
					String.class, reference))
				.containsExactly("GIVEN");

			assertThatThrownBy(() -> this.cases.recordStep(reference, UserTasks.RECORD_CRIME, "Record crime", "officer",
					Map.of("crimeReference", "CR-123"), Map.of(), now))
				.isInstanceOf(SafeguardingRuleViolation.class)
				.hasMessage(VictimCase.CLOSED);
			this.entities.flush();
			assertThat(this.jdbc.queryForObject("select crime_reference from victim_case where reference = ?",
					String.class, reference))
				.isNull();
		});
	}

}
