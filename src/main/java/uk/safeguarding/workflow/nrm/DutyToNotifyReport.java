package uk.safeguarding.workflow.nrm;

import java.util.ArrayList;
import java.util.List;

import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * The Duty to Notify report summary (Modern Slavery Act 2015 s52(3)): built from an
 * allow-list only. Never a name, alias, date of birth, contact detail, address or free
 * text.
 */
public final class DutyToNotifyReport {

	private DutyToNotifyReport() {
	}

	/**
	 * The summary that may be stored with the step: enumerated values only. The
	 * nationality and the area or country of exploitation are coded too, but they are
	 * case-record data (PersonalData): they are added by {@link #fullSummary}, shown and
	 * never stored in the engine.
	 * @param record the case record
	 * @return one line per allowed item
	 */
	public static String summary(VictimCase record) {
		List<String> lines = new ArrayList<>();
		lines.add("Duty to Notify report (anonymous: the person has not consented to an NRM referral)");
		lines.add("Adult: yes");
		lines.add("Gender: " + orNotKnown(record.getGender()));
		lines.add("Exploitation types: " + orNotKnown(record.getExploitationTypes()));
		lines.add("Exploited in: " + orNotKnown(record.getExploitationLocation()));
		lines.add("Approximate period: " + orNotKnown(record.getExploitationPeriod()));
		return String.join("\n", lines);
	}

	/**
	 * The full allow-list, including the nationality and the area or country of
	 * exploitation, for the officer to copy into the Modern Slavery Portal. Shown, never
	 * stored in the engine. Every line comes from a code list (countries, local authority
	 * area codes) or an enumeration: no free text, so nothing typed about the person can
	 * leave the force in an anonymous report. A value that is not a code (a case recorded
	 * before the lists) is shown as "not known".
	 * @param record the case record
	 * @return the report text
	 */
	public static String fullSummary(VictimCase record) {
		return summary(record) + "\nNationality: " + country(record.getNationality())
				+ "\nArea or country of exploitation: " + place(record.getExploitationPlace());
	}

	private static String country(String code) {
		return Countries.name(code).map((name) -> name + " (" + code + ")").orElse("not known");
	}

	private static String place(String code) {
		if (code != null && code.matches("[EW][0-9]{8}")) {
			return "UK local authority area " + code;
		}
		return country(code);
	}

	private static String orNotKnown(String value) {
		return (value == null || value.isBlank()) ? "not known" : value;
	}

}
