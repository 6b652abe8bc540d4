package uk.safeguarding.workflow.victimcase;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Age facts the {@code safeguarding-pathway} decision needs, worked out outside the
 * engine so that a date of birth never reaches it (spec sections 2 and 5).
 */
public final class AgeCalculator {

	/** Decision input: whether a date of birth was given. */
	public static final String DATE_OF_BIRTH_GIVEN = "dateOfBirthGiven";

	/** Decision input: under 18 by the date of birth (false when none was given). */
	public static final String UNDER_18_BY_DATE_OF_BIRTH = "under18ByDateOfBirth";

	/** Decision input: the estimated age in years, or {@code null}. */
	public static final String ESTIMATED_AGE = "estimatedAge";

	/** Decision input: the age is uncertain. */
	public static final String AGE_UNCERTAIN = "ageUncertain";

	/** Decision input: there is reason to believe the person may be under 18. */
	public static final String MAY_BE_UNDER_18 = "mayBeUnder18";

	/** Decision input: immediate risk. */
	public static final String IMMEDIATE_RISK = "immediateRisk";

	/** Decision input: care and support needs (all three limbs). */
	public static final String CARE_AND_SUPPORT_NEEDS = "careAndSupportNeeds";

	private AgeCalculator() {
	}

	/**
	 * Whether a person born on {@code dateOfBirth} is under 18 on {@code today}. A person
	 * attains an age at the start of the anniversary of their birth (Family Law Reform
	 * Act 1969 s9), so on the 18th birthday they are no longer under 18. Someone born on
	 * 29 February has their birthday on 1 March in a year that is not a leap year
	 * (England and Wales).
	 */
	public static boolean isUnder18(LocalDate dateOfBirth, LocalDate today) {
		Objects.requireNonNull(dateOfBirth, "dateOfBirth");
		Objects.requireNonNull(today, "today");
		return today.isBefore(birthday(dateOfBirth, 18));
	}

	/**
	 * The day a person born on {@code dateOfBirth} attains {@code years} (29 February: 1
	 * March in common years).
	 */
	static LocalDate birthday(LocalDate dateOfBirth, int years) {
		int year = dateOfBirth.getYear() + years;
		if (dateOfBirth.getMonth() == Month.FEBRUARY && dateOfBirth.getDayOfMonth() == 29 && !Year.isLeap(year)) {
			return LocalDate.of(year, Month.MARCH, 1);
		}
		return dateOfBirth.plusYears(years);
	}

	/**
	 * The inputs of the {@code safeguarding-pathway} decision (and its required
	 * {@code presumed-child} decision): {@code dateOfBirthGiven},
	 * {@code under18ByDateOfBirth}, {@code estimatedAge}, {@code ageUncertain},
	 * {@code mayBeUnder18}, {@code immediateRisk}, {@code careAndSupportNeeds}. Never the
	 * date of birth itself.
	 * @param dobOrNull the date of birth, or {@code null} when not given
	 * @param estimatedAgeOrNull the estimated age in years, or {@code null}
	 * @param ageUncertain whether the age is uncertain
	 * @param mayBeUnder18 whether the person may be under 18 ({@code null} is false)
	 * @param immediateRisk whether the person is at immediate risk
	 * @param careAndSupportNeeds whether an adult may have care and support needs
	 * @param today the date to judge the age on
	 * @return an unmodifiable map in the order above ({@code estimatedAge} may be
	 * {@code null})
	 */
	public static Map<String, Object> pathwayInputs(LocalDate dobOrNull, Integer estimatedAgeOrNull,
			boolean ageUncertain, Boolean mayBeUnder18, boolean immediateRisk, boolean careAndSupportNeeds,
			LocalDate today) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put(DATE_OF_BIRTH_GIVEN, dobOrNull != null);
		inputs.put(UNDER_18_BY_DATE_OF_BIRTH, dobOrNull != null && isUnder18(dobOrNull, today));
		inputs.put(ESTIMATED_AGE, estimatedAgeOrNull);
		inputs.put(AGE_UNCERTAIN, ageUncertain);
		inputs.put(MAY_BE_UNDER_18, Boolean.TRUE.equals(mayBeUnder18));
		inputs.put(IMMEDIATE_RISK, immediateRisk);
		inputs.put(CARE_AND_SUPPORT_NEEDS, careAndSupportNeeds);
		return Collections.unmodifiableMap(inputs);
	}

}
