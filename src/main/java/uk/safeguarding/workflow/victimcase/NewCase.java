package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;

/** What an officer reports when a potential victim is identified (start form). */
public record NewCase(String areaCode, String victimName, LocalDate dateOfBirth, Integer estimatedAge,
		boolean ageUncertain, Boolean mayBeUnder18, boolean immediateRisk, boolean careAndSupportNeeds,
		String interpreterLanguage, String gender, String nationality, String exploitationTypes,
		String exploitationLocation, String exploitationPlace, String exploitationPeriod, Instant identifiedAt,
		String reportingOfficer, String circumstancesNotes, String processInstanceId) {
}
