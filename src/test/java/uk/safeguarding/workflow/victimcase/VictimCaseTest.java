package uk.safeguarding.workflow.victimcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.process.SafeguardingRuleViolation;

/**
 * The rules the case record keeps itself, whichever step or message changes it: a closed
 * case takes no further fact, only a standing consent can be withdrawn, and each answer
 * goes to its own question.
 */
class VictimCaseTest {

	private static final Instant OPENED = Instant.parse("2026-11-20T09:30:00Z");

	private static VictimCase adult() {
		return CaseRecords.reported("MSHT-2026-000007", "W06000015", "Someone", OPENED).pathway(Pathway.ADULT).build();
	}

	@Test
	void aClosedCase_refusesEveryFurtherFact_butKeepsItsChronology() {
		VictimCase record = adult();
		record.close(OPENED.plusSeconds(3600), ClosureReason.NO_FURTHER_ACTION, "Nothing open",
				LocalDate.of(2032, 11, 20));

		assertThat(record.isClosed()).isTrue();
		assertThat(record.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(record.getClosureReason()).isEqualTo(ClosureReason.NO_FURTHER_ACTION);
		assertThat(record.getRetentionReviewDate()).isEqualTo(LocalDate.of(2032, 11, 20));
		assertThatThrownBy(() -> record.recordCrimeReference("CR-1")).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessage(VictimCase.CLOSED);
		assertThatThrownBy(() -> record.recordReasonableGrounds(GroundsDecision.POSITIVE, LocalDate.of(2026, 12, 1)))
			.isInstanceOf(SafeguardingRuleViolation.class);
		assertThatThrownBy(() -> record.choosePathway(Pathway.CHILD, RiskLevel.HIGH))
			.isInstanceOf(SafeguardingRuleViolation.class);
		assertThatThrownBy(() -> record.recordAgeAssessment(false)).isInstanceOf(SafeguardingRuleViolation.class);
		assertThatThrownBy(() -> CaseRecords.nrmConsent(record, OPENED, ConsentOutcome.GIVEN, "liaison", false))
			.isInstanceOf(SafeguardingRuleViolation.class);
		assertThatThrownBy(() -> record.close(OPENED, ClosureReason.OTHER, null, LocalDate.of(2033, 1, 1)))
			.as("closed once")
			.isInstanceOf(SafeguardingRuleViolation.class);
		assertThat(record.getCrimeReference()).isNull();
		assertThat(record.getPathway()).isEqualTo(Pathway.ADULT);
		assertThat(record.getConsentLedger()).isEmpty();

		record.addChronology(OPENED.plusSeconds(7200), null, "Notification", "Notice sent", null);
		assertThat(record.getChronology()).hasSize(1);
	}

	@Test
	void consentCanBeWithdrawn_onlyWhereItStands() {
		VictimCase record = adult();
		assertThatThrownBy(() -> CaseRecords.consentWithdrawn(record, OPENED, "liaison"))
			.isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("nothing to withdraw");

		CaseRecords.nrmConsent(record, OPENED.plusSeconds(60), ConsentOutcome.GIVEN, "liaison", true);
		record.recordAdultSupportConsent(OPENED.plusSeconds(120), ConsentOutcome.ADULT_SUPPORT_DECLINED, "liaison",
				false, "UserTask_SeekAdultSupportConsent");
		assertThat(record.latestNrmConsent()).map(ConsentRecord::getOutcome)
			.as("an answer on adult support is not an answer to the referral")
			.contains(ConsentOutcome.GIVEN);

		CaseRecords.consentWithdrawn(record, OPENED.plusSeconds(180), "liaison");
		assertThat(record.latestNrmConsent()).map(ConsentRecord::getOutcome).contains(ConsentOutcome.WITHDRAWN);
		assertThatThrownBy(() -> CaseRecords.consentWithdrawn(record, OPENED.plusSeconds(240), "liaison"))
			.as("withdrawn twice")
			.isInstanceOf(SafeguardingRuleViolation.class);
		assertThat(record.getConsentLedger()).extracting(ConsentRecord::getOutcome)
			.containsExactly(ConsentOutcome.GIVEN, ConsentOutcome.ADULT_SUPPORT_DECLINED, ConsentOutcome.WITHDRAWN);
	}

	@Test
	void eachAnswerGoesToItsOwnQuestion() {
		VictimCase record = adult();
		assertThatThrownBy(() -> CaseRecords.nrmConsent(record, OPENED, ConsentOutcome.ADULT_SUPPORT_GIVEN, "l", false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CaseRecords.nrmConsent(record, OPENED, ConsentOutcome.WITHDRAWN, "l", false))
			.as("a withdrawal is recorded as one, against a standing consent")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> record.recordAdultSupportConsent(OPENED, ConsentOutcome.GIVEN, "l", false, "UserTask_X"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(record.getConsentLedger()).isEmpty();
	}

	@Test
	void thePathway_saysWhenItChanges_andAnAgeAssessmentSettlesTheAge() {
		VictimCase record = CaseRecords.reported("MSHT-2026-000008", "W06000015", "Someone", OPENED).build();
		assertThat(record.getPathway()).isNull();
		assertThat(record.choosePathway(Pathway.CHILD, RiskLevel.URGENT)).isTrue();
		assertThat(record.choosePathway(Pathway.CHILD, RiskLevel.HIGH)).as("same pathway, new risk").isFalse();
		assertThat(record.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
		assertThat(record.isChild()).isTrue();

		assertThat(record.recordAgeAssessment(false)).isEqualTo("UNCHANGED");
		assertThat(record.recordAgeAssessment(true)).isEqualTo("NOW_ADULT");
		assertThat(record.getPathway()).isEqualTo(Pathway.ADULT);
		assertThat(record.isAgeUncertain()).isFalse();
		assertThat(record.getMayBeUnder18()).isFalse();
		assertThat(record.recordAgeAssessment(false)).isEqualTo("NOW_CHILD");
		assertThat(record.getMayBeUnder18()).isTrue();
	}

	@Test
	void theFirstSupervisorToAct_staysTheSupervisor() {
		VictimCase record = adult();
		record.superviseIfUnsupervised("sergeant1");
		record.superviseIfUnsupervised("sergeant2");
		assertThat(record.getSupervisor()).isEqualTo("sergeant1");
	}

	@Test
	void decisionsAndReferences_areReadBackAsRecorded() {
		VictimCase record = adult();
		assertThat(record.getReasonableGroundsDecision()).isNull();
		assertThat(record.isConclusiveDecisionFlagged()).isFalse();

		record.recordNrmReferral("NRM-1", OPENED.plusSeconds(60));
		record.recordReasonableGrounds(GroundsDecision.POSITIVE, LocalDate.of(2026, 11, 25));
		record.recordConclusiveGrounds(GroundsDecision.NEGATIVE, LocalDate.of(2026, 12, 10), true);

		assertThat(record.getNrmReference()).isEqualTo("NRM-1");
		assertThat(record.getNrmSubmittedAt()).isEqualTo(OPENED.plusSeconds(60));
		assertThat(record.getReasonableGroundsDecision()).isEqualTo(GroundsDecision.POSITIVE);
		assertThat(record.getReasonableGroundsDecisionDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(record.getConclusiveGroundsDecision()).isEqualTo(GroundsDecision.NEGATIVE);
		assertThat(record.isConclusiveDecisionFlagged()).isTrue();
	}

}
