package uk.safeguarding.workflow.nrm;

import java.util.ArrayList;
import java.util.List;

import uk.safeguarding.workflow.victimcase.ConsentRecord;
import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * A prompt-sheet style summary for the officer to copy into the Modern Slavery Portal. It
 * holds identifying details, so it is generated on request from the case record and never
 * stored in the engine.
 */
public final class NrmReferralSummary {

	private NrmReferralSummary() {
	}

	public static String text(VictimCase c) {
		List<String> lines = new ArrayList<>();
		lines.add("NRM referral summary - case " + c.getReference());
		lines.add("Referral for: "
				+ (c.isChild() ? "a child (no consent needed)" : "an adult (informed consent recorded)"));
		lines.add("Name or alias: " + c.getVictimName());
		lines.add("Date of birth: " + ((c.getDateOfBirth() != null) ? c.getDateOfBirth() : "not known")
				+ ((c.getEstimatedAge() != null) ? " (estimated age " + c.getEstimatedAge() + ")" : "")
				+ (c.isAgeUncertain() ? " - age uncertain" : ""));
		lines.add("Gender: " + orNotKnown(c.getGender()));
		lines.add("Nationality: " + orNotKnown(c.getNationality()));
		lines.add("Interpreter language: " + orNotKnown(c.getInterpreterLanguage()));
		lines.add("Exploitation types: " + orNotKnown(c.getExploitationTypes()));
		lines.add("Exploited in: " + orNotKnown(c.getExploitationLocation()) + " - "
				+ orNotKnown(c.getExploitationPlace()));
		lines.add("Approximate period: " + orNotKnown(c.getExploitationPeriod()));
		lines.add("Local authority area: " + c.getAreaCode());
		lines.add("Crime reference: " + orNotKnown(c.getCrimeReference()));
		if (!c.isChild()) {
			ConsentRecord last = c.getConsentLedger().isEmpty() ? null
					: c.getConsentLedger().get(c.getConsentLedger().size() - 1);
			lines.add("Consent: " + ((last != null)
					? last.getOutcome() + " on " + last.getRecordedAt() + ", explained by " + last.getExplainedBy()
					: "not recorded"));
		}
		lines.add("Care and support needs: " + (c.isCareAndSupportNeeds() ? "yes" : "no"));
		return String.join("\n", lines);
	}

	private static String orNotKnown(String value) {
		return (value == null || value.isBlank()) ? "not known" : value;
	}

}
