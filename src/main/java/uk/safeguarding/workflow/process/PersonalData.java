package uk.safeguarding.workflow.process;

import java.util.List;
import java.util.Set;

/**
 * Fields that are personal data or free text. Forms capture them, but they live only in
 * the case record: never in an engine table (spec section 5).
 */
public final class PersonalData {

	private static final Set<String> CASE_RECORD_ONLY = Set.of("victimName", "victimAlias", "dateOfBirth", "gender",
			"nationality", "exploitationPlace", "placeOfSafetyAddress", "victimNavigatorName", "supportServices",
			"competentAuthorityContact", "firstResponderAgency", "reconsiderationGrounds", "contactDetails", "address");

	private PersonalData() {
	}

	/** Names ending so are free text or addresses, whatever comes before. */
	private static final List<String> CASE_RECORD_ONLY_ENDINGS = List.of("Notes", "Grounds", "Address");

	/**
	 * Whether a variable of this name must never persist in the engine.
	 * @param name a variable or form field name
	 * @return true for names, dates of birth, addresses, contact details and free text:
	 * the names listed, and every name ending in {@code Notes}, {@code Grounds} or
	 * {@code Address}
	 */
	public static boolean isCaseRecordOnly(String name) {
		return name != null
				&& (CASE_RECORD_ONLY.contains(name) || CASE_RECORD_ONLY_ENDINGS.stream().anyMatch(name::endsWith));
	}

}
