package uk.safeguarding.workflow.victimcase.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import uk.safeguarding.workflow.victimcase.CaseStatus;
import uk.safeguarding.workflow.victimcase.Pathway;

/** Codes the case record keeps, in the words a person reads on the page. */
final class Words {

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("CHILD", "Child"),
			Map.entry("ADULT", "Adult"), Map.entry("DOMESTIC_SERVITUDE", "Domestic servitude"),
			Map.entry("ORGAN_HARVESTING", "Organ harvesting"), Map.entry("MSVLO", "MSVLO"),
			Map.entry("POLICE_SPOC", "Police SPOC"), Map.entry("NOT_KNOWN", "Not known"),
			Map.entry("UNKNOWN", "Unknown: confirm with the recipient"), Map.entry("CASE_OPENED", "Case opened"),
			Map.entry("VICTIM_MISSING", "Victim reported missing"), Map.entry("VICTIM_FOUND", "Victim found"),
			Map.entry("AGE_ASSESSED_CHILD", "Age assessed: a child"), Map.entry("IMMEDIATE_RISK", "Immediate risk"),
			Map.entry("TASK_ASSIGNED", "Task assigned"), Map.entry("ESCALATION", "Overdue step"),
			Map.entry("ADULT_SUPPORT_GIVEN", "Adult support: given"),
			Map.entry("ADULT_SUPPORT_DECLINED", "Adult support: declined"),
			Map.entry("ADULT_SUPPORT_UNDECIDED", "Adult support: undecided"));

	private Words() {
	}

	static String plain(String code) {
		if (code == null || code.isBlank()) {
			return "Not known";
		}
		String known = WORDS.get(code);
		if (known != null) {
			return known;
		}
		String words = code.replace('_', ' ').toLowerCase(Locale.UK);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String plain(Enum<?> code) {
		return plain((code != null) ? code.name() : null);
	}

	static String list(String codes) {
		if (codes == null || codes.isBlank()) {
			return "Not known";
		}
		return Arrays.stream(codes.split(",")).map(String::strip).map(Words::plain).collect(Collectors.joining(", "));
	}

	static String pathway(Pathway pathway) {
		return (pathway == null) ? "Not decided yet" : plain(pathway);
	}

	static String status(CaseStatus status) {
		return plain(status);
	}

}
