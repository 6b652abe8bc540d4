package uk.safeguarding.workflow.nrm;

import java.util.Optional;

/**
 * The names of local authority areas by ONS code, as the safeguarding directory knows
 * them now (an area added or renamed while the product runs included), so the summaries
 * say "Birmingham (E08000025)" where an officer would otherwise have to look the code up.
 * A function rather than the directory itself, so the summaries stay plain functions of
 * the case record.
 */
@FunctionalInterface
public interface AreaNames {

	/**
	 * The area's name.
	 * @param areaCode an ONS code such as {@code E08000025}
	 * @return its name, or empty when the directory does not hold the code
	 */
	Optional<String> nameOf(String areaCode);

	/**
	 * The area in words: its name with the code in brackets (the portal asks for the
	 * area; the code settles which one), or the bare code when the directory no longer
	 * holds it.
	 * @param areaCode an ONS code
	 * @return for example {@code Birmingham (E08000025)}
	 */
	default String describe(String areaCode) {
		return nameOf(areaCode).map((name) -> name + " (" + areaCode + ")")
			.orElse("UK local authority area " + areaCode);
	}

}
