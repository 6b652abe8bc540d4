package uk.safeguarding.workflow.nrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.victimcase.CaseRecords;
import uk.safeguarding.workflow.victimcase.VictimCase;

/** The anonymous Duty to Notify summary carries codes and enumerations only. */
class DutyToNotifyReportTest {

	/** The directory as the summaries see it: Cardiff only. */
	static final AreaNames CARDIFF = (code) -> Optional.ofNullable(Map.of("W06000015", "Cardiff").get(code));

	@Test
	void theSummaryNamesTheCountryFromTheCodeList_andNothingTypedAboutThePerson() {
		VictimCase record = CaseRecords
			.reported("MSHT-2026-000001", "W06000015", "Zephyrine Quillfeather-Oduya",
					Instant.parse("2026-11-20T09:30:00Z"))
			.gender("FEMALE")
			.nationality("AL")
			.exploitation("LABOUR", null, "RO", null)
			.build();

		String full = DutyToNotifyReport.fullSummary(record, CARDIFF);

		assertThat(full).contains("Nationality: Albania (AL)")
			.contains("Area or country of exploitation: Romania (RO)")
			.doesNotContain("Zephyrine");
		assertThat(DutyToNotifyReport.summary(record)).as("what the engine keeps")
			.doesNotContain("Albania", "Romania", "Zephyrine");
	}

	@Test
	void anAreaIsShownByItsNameAndCode_andAnythingNotCodedAsNotKnown() {
		VictimCase record = CaseRecords.reported("MSHT-2026-000002", "W06000015", "Someone", Instant.now())
			.nationality("Albanian, lives at 12 Hidden Lane")
			.exploitation(null, null, "W06000015", null)
			.build();

		String full = DutyToNotifyReport.fullSummary(record, CARDIFF);

		assertThat(full).as("free text never reaches an anonymous report")
			.contains("Nationality: not known")
			.contains("Area or country of exploitation: Cardiff (W06000015)")
			.doesNotContain("Hidden Lane");
		// an area the directory no longer holds keeps its code
		VictimCase gone = CaseRecords.reported("MSHT-2026-000003", "W06000015", "Someone", Instant.now())
			.exploitation(null, null, "W06000099", null)
			.build();
		assertThat(DutyToNotifyReport.fullSummary(gone, CARDIFF))
			.contains("Area or country of exploitation: UK local authority area W06000099");
	}

	@Test
	void theCountryListIsTheIsoList() {
		assertThat(Countries.codes()).hasSize(249).contains("GB", "AL", "RO", "VN", "ER", "SD");
		assertThat(Countries.codes()).allSatisfy((code) -> assertThat(code).matches("[A-Z]{2}"));
		assertThat(Countries.name("CI")).contains("Côte d'Ivoire");
		assertThat(Countries.isCountry("XX")).isFalse();
	}

}
