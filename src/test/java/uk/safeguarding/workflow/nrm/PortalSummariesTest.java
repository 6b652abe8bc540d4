package uk.safeguarding.workflow.nrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.victimcase.CaseRecords;
import uk.safeguarding.workflow.victimcase.ConsentOutcome;
import uk.safeguarding.workflow.victimcase.Pathway;
import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * The summaries the case page offers to copy: plain words, nothing that identifies the
 * person in the Duty to Notify report, and about consent only what the ledger says.
 */
class PortalSummariesTest {

	static final String NAME = "Zephyrine Quillfeather-Oduya";

	static final AreaNames AREAS = DutyToNotifyReportTest.CARDIFF;

	static VictimCase adult() {
		return CaseRecords.reported("MSHT-2026-000042", "W06000015", NAME, Instant.parse("2026-11-20T09:30:00Z"))
			.pathway(Pathway.ADULT)
			.dateOfBirth(LocalDate.of(1990, 4, 12))
			.gender("MALE")
			.nationality("AL")
			.exploitation("LABOUR,DOMESTIC_SERVITUDE", "UK_AND_OVERSEAS", "RO", "6_TO_12_MONTHS")
			.build();
	}

	@Test
	void beforeAnyConsentDecision_theNrmSummaryDoesNotClaimConsent_andUsesNoCodes() {
		String nrm = PortalSummaries.nrmReferral(adult(), AREAS);

		assertThat(nrm)
			.contains("Referral for: an adult", "4. Consent",
					"Not recorded yet: an adult is referred only with informed consent.",
					"labour exploitation, domestic servitude", "in the UK and overseas (Romania)", "6 to 12 months",
					"Gender: male", "Nationality: Albania", NAME, "12 April 1990")
			.doesNotContain("informed consent recorded", "LABOUR", "DOMESTIC_SERVITUDE", "6_TO_12_MONTHS", "MALE",
					"UK_AND_OVERSEAS");
	}

	@Test
	void bothSummariesNameTheArea_asTheDirectoryDoes_withItsCodeInBrackets() {
		VictimCase record = CaseRecords
			.reported("MSHT-2026-000042", "W06000015", NAME, Instant.parse("2026-11-20T09:30:00Z"))
			.pathway(Pathway.ADULT)
			.exploitation("LABOUR", "UK", "W06000015", "6_TO_12_MONTHS")
			.build();

		assertThat(PortalSummaries.nrmReferral(record, AREAS))
			.contains("Local authority area where the person was found: Cardiff (W06000015)")
			.contains("Where: in the UK, Cardiff (W06000015)");
		assertThat(PortalSummaries.dutyToNotify(record, AREAS))
			.contains("Area or country of exploitation: Cardiff (W06000015)");
		// renamed in the directory: the next summary says the new name
		assertThat(PortalSummaries.nrmReferral(record,
				(code) -> java.util.Optional.of("Caerdydd").filter((name) -> code.equals("W06000015"))))
			.contains("Local authority area where the person was found: Caerdydd (W06000015)");
	}

	@Test
	void consentGivenThenWithdrawn_isWhatBothSummariesSay() {
		VictimCase record = adult();
		CaseRecords.nrmConsent(record, Instant.parse("2026-11-21T10:00:00Z"), ConsentOutcome.GIVEN, "liaison", true);
		assertThat(PortalSummaries.nrmReferral(record, AREAS)).contains(
				"Informed consent given on 21 November 2026 at 10:00, explained by liaison through a professional interpreter.");

		CaseRecords.consentWithdrawn(record, Instant.parse("2026-11-22T10:00:00Z"), "liaison");
		assertThat(PortalSummaries.nrmReferral(record, AREAS)).contains("Withdrawn on 22 November 2026 at 10:00.")
			.doesNotContain("Informed consent given");
		assertThat(PortalSummaries.dutyToNotify(record, AREAS))
			.contains("Why anonymous: the adult withdrew consent to an NRM referral");
	}

	@Test
	void dutyToNotify_carriesTheAllowListOnly_inPlainWords() {
		VictimCase record = adult();
		CaseRecords.nrmConsent(record, Instant.parse("2026-11-21T10:00:00Z"), ConsentOutcome.DECLINED, "liaison",
				false);

		String report = PortalSummaries.dutyToNotify(record, AREAS);

		assertThat(report)
			.contains("Why anonymous: the adult did not consent to an NRM referral", "Adult: yes", "Gender: male",
					"Nationality: Albania (AL)", "Type of exploitation: labour exploitation, domestic servitude",
					"Exploited: in the UK and overseas", "Area or country of exploitation: Romania (RO)",
					"For about: 6 to 12 months")
			.doesNotContain(NAME, "Zephyrine", "1990", "MSHT-2026-000042", "LABOUR", "6_TO_12_MONTHS");
		assertThat(report.lines()).hasSize(9);
	}

	@Test
	void theDutyToNotifyStepAndTheApiGiveTheCaseSummary_withoutItsCaseRecordItemsForTheEngine() {
		VictimCase record = adult();
		CaseRecords.nrmConsent(record, Instant.parse("2026-11-21T10:00:00Z"), ConsentOutcome.DECLINED, "liaison",
				false);

		assertThat(DutyToNotifyReport.fullSummary(record, AREAS)).as("the API's text is the case page's")
			.isEqualTo(PortalSummaries.dutyToNotify(record, AREAS));
		assertThat(DutyToNotifyReport.summary(record)).as("what the Duty to Notify step keeps in the engine")
			.isEqualTo(PortalSummaries.dutyToNotify(record, AREAS)
				.lines()
				.filter((line) -> !line.startsWith("Nationality:") && !line.startsWith("Area or country of"))
				.collect(java.util.stream.Collectors.joining("\n")))
			.contains("Why anonymous: the adult did not consent to an NRM referral", "Gender: male")
			.doesNotContain("Albania", "Romania", "(AL)", "(RO)");
	}

}
