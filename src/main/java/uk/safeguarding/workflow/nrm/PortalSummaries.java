package uk.safeguarding.workflow.nrm;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import uk.safeguarding.workflow.victimcase.ConsentRecord;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The referral summaries as the case page shows them, to copy into the Modern Slavery
 * Portal: in plain words (never codes such as {@code LABOUR}), laid out in the portal's
 * sections, and saying about consent only what the consent ledger records. Built on
 * request from the case record; never stored in the engine.
 */
public final class PortalSummaries {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("SEXUAL", "sexual exploitation"),
			Map.entry("LABOUR", "labour exploitation"), Map.entry("CRIMINAL", "criminal exploitation"),
			Map.entry("DOMESTIC_SERVITUDE", "domestic servitude"), Map.entry("ORGAN_HARVESTING", "organ harvesting"),
			Map.entry("OTHER", "other"), Map.entry("UK", "in the UK"), Map.entry("OVERSEAS", "overseas"),
			Map.entry("UK_AND_OVERSEAS", "in the UK and overseas"), Map.entry("UNDER_1_MONTH", "less than a month"),
			Map.entry("1_TO_6_MONTHS", "1 to 6 months"), Map.entry("6_TO_12_MONTHS", "6 to 12 months"),
			Map.entry("OVER_12_MONTHS", "more than 12 months"), Map.entry("NOT_KNOWN", "not known"),
			Map.entry("FEMALE", "female"), Map.entry("MALE", "male"));

	private PortalSummaries() {
	}

	/**
	 * The NRM referral, section by section as the portal asks for it.
	 * @param c the case record
	 * @param areas the directory's area names, for the area where the person was found
	 * @return the summary text
	 */
	public static String nrmReferral(VictimCase c, AreaNames areas) {
		List<String> lines = new ArrayList<>();
		lines.add("NRM referral - case " + c.getReference());
		lines.add("");
		lines.add("1. About the referral");
		lines.add("Referring first responder: police");
		lines.add("Referral for: " + (c.isChild() ? "a child" : "an adult"));
		lines.add("Local authority area where the person was found: " + areas.describe(c.getAreaCode()));
		lines.add("Crime reference: " + orNotKnown(c.getCrimeReference()));
		lines.add("");
		lines.add("2. The potential victim");
		lines.add("Name or alias: " + orNotKnown(c.getVictimName()));
		lines.add("Date of birth: " + ((c.getDateOfBirth() != null) ? DAY.format(c.getDateOfBirth()) : "not known")
				+ ((c.getEstimatedAge() != null) ? " (estimated age " + c.getEstimatedAge() + ")" : "")
				+ (c.isAgeUncertain() ? "; age uncertain" : ""));
		lines.add("Gender: " + word(c.getGender()));
		// a country by its name, not its ISO code; a case recorded before the code list
		// keeps what was typed (the NRM referral is not anonymous)
		lines.add("Nationality: " + Countries.name(c.getNationality()).orElse(orNotKnown(c.getNationality())));
		lines.add("Interpreter: " + ((c.getInterpreterLanguage() != null) ? c.getInterpreterLanguage() : "not needed"));
		lines.add("");
		lines.add("3. The exploitation");
		lines.add("Type: " + words(c.getExploitationTypes()));
		lines.add("Where: " + word(c.getExploitationLocation()) + exploitationPlace(c.getExploitationPlace(), areas));
		lines.add("For about: " + word(c.getExploitationPeriod()));
		lines.add("");
		lines.add("4. Consent");
		lines.add(consent(c));
		lines.add("");
		lines.add("5. Needs");
		lines.add("May have care and support needs: " + (c.isCareAndSupportNeeds() ? "yes" : "no"));
		return String.join("\n", lines);
	}

	/**
	 * The anonymous Duty to Notify report (Modern Slavery Act 2015 s52(3)), in full, for
	 * the officer to copy into the Modern Slavery Portal: the allow-list only. Never a
	 * name, alias, date of birth, contact detail, address or free text: the nationality
	 * and the area or country of exploitation are shown only from their code lists
	 * (countries, local authority area codes), anything else as "not known", so nothing
	 * typed about the person can leave the force in an anonymous report. Shown, never
	 * stored in the engine.
	 */
	public static String dutyToNotify(VictimCase c, AreaNames areas) {
		return String.join("\n", dutyToNotifyLines(c, areas));
	}

	/**
	 * The same report without the two items that are case-record data (nationality, area
	 * or country of exploitation): enumerated values only, so it may be stored with the
	 * Duty to Notify step for its form to show.
	 */
	public static String dutyToNotifyForEngine(VictimCase c) {
		return String.join("\n", dutyToNotifyLines(c, null));
	}

	// with the area names, the full report; without (null), the one for the engine
	private static List<String> dutyToNotifyLines(VictimCase c, AreaNames areas) {
		boolean withCaseRecordData = areas != null;
		List<String> lines = new ArrayList<>();
		lines.add("Duty to Notify report (anonymous)");
		lines.add("Why anonymous: " + whyAnonymous(c));
		lines.add("Adult: yes");
		lines.add("Gender: " + word(c.getGender()));
		if (withCaseRecordData) {
			lines.add("Nationality: " + country(c.getNationality()));
		}
		lines.add("Type of exploitation: " + words(c.getExploitationTypes()));
		lines.add("Exploited: " + word(c.getExploitationLocation()));
		if (withCaseRecordData) {
			lines.add("Area or country of exploitation: " + place(c.getExploitationPlace(), areas));
		}
		lines.add("For about: " + word(c.getExploitationPeriod()));
		return lines;
	}

	// a UK area by its name and code, as the Duty to Notify report names it; a country
	// by its name; a case recorded before the code lists keeps what was typed
	private static String exploitationPlace(String code, AreaNames areas) {
		if (code == null) {
			return "";
		}
		if (code.matches("[EW][0-9]{8}")) {
			return ", " + areas.describe(code);
		}
		return " (" + Countries.name(code).orElse(code) + ")";
	}

	private static String country(String code) {
		return Countries.name(code).map((name) -> name + " (" + code + ")").orElse("not known");
	}

	// a UK area as the NRM summary names the area where the person was found
	private static String place(String code, AreaNames areas) {
		if (code != null && code.matches("[EW][0-9]{8}")) {
			return areas.describe(code);
		}
		return country(code);
	}

	private static String consent(VictimCase c) {
		if (c.isChild()) {
			return "Not needed: a child is referred without consent.";
		}
		ConsentRecord latest = latestNrmConsent(c);
		if (latest == null) {
			return "Not recorded yet: an adult is referred only with informed consent.";
		}
		String when = WHEN.format(latest.getRecordedAt().atZone(JourneyTime.ZONE));
		return switch (latest.getOutcome()) {
			case GIVEN -> "Informed consent given on " + when + ", explained by " + latest.getExplainedBy()
					+ (latest.isProfessionalInterpreter() ? " through a professional interpreter" : "") + ".";
			case DECLINED -> "Declined on " + when + ": do not refer; make a Duty to Notify report.";
			case UNDECIDED -> "Not decided yet (" + when + "): do not refer until consent is given.";
			case WITHDRAWN -> "Withdrawn on " + when + ".";
			default -> "Not recorded yet.";
		};
	}

	private static String whyAnonymous(VictimCase c) {
		ConsentRecord latest = latestNrmConsent(c);
		if (latest == null) {
			return "no consent to an NRM referral is recorded";
		}
		return switch (latest.getOutcome()) {
			case DECLINED -> "the adult did not consent to an NRM referral";
			case WITHDRAWN -> "the adult withdrew consent to an NRM referral";
			case UNDECIDED -> "the adult has not decided about an NRM referral";
			default -> "no NRM referral is being made";
		};
	}

	private static ConsentRecord latestNrmConsent(VictimCase c) {
		return c.latestNrmConsent().orElse(null);
	}

	private static String word(String code) {
		if (code == null || code.isBlank()) {
			return "not known";
		}
		return WORDS.getOrDefault(code, code.replace('_', ' ').toLowerCase(Locale.UK));
	}

	private static String words(String codes) {
		if (codes == null || codes.isBlank()) {
			return "not known";
		}
		return Arrays.stream(codes.split(","))
			.map(String::strip)
			.map(PortalSummaries::word)
			.collect(Collectors.joining(", "));
	}

	private static String orNotKnown(String value) {
		return (value == null || value.isBlank()) ? "not known" : value;
	}

}
