package uk.safeguarding.workflow.victimcase;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/**
 * Who the potential victim is, as the officer reported it: identifying details that are
 * never in the engine (they stay in {@code victim_case}'s columns of the same names).
 */
@Embeddable
class VictimIdentity {

	private String name;

	private LocalDate dateOfBirth;

	private Integer estimatedAge;

	private boolean ageUncertain;

	private Boolean mayBeUnder18;

	private String gender;

	private String nationality;

	private String interpreterLanguage;

	protected VictimIdentity() {
	}

	VictimIdentity(NewCase report) {
		this.name = report.victimName();
		this.dateOfBirth = report.dateOfBirth();
		this.estimatedAge = report.estimatedAge();
		this.ageUncertain = report.ageUncertain();
		this.mayBeUnder18 = report.mayBeUnder18();
		this.gender = report.gender();
		this.nationality = report.nationality();
		this.interpreterLanguage = report.interpreterLanguage();
	}

	/** A local authority age assessment settles the age: it is no longer uncertain. */
	void ageAssessed(boolean adult) {
		this.ageUncertain = false;
		this.mayBeUnder18 = !adult;
	}

	String name() {
		return this.name;
	}

	LocalDate dateOfBirth() {
		return this.dateOfBirth;
	}

	Integer estimatedAge() {
		return this.estimatedAge;
	}

	boolean ageUncertain() {
		return this.ageUncertain;
	}

	Boolean mayBeUnder18() {
		return this.mayBeUnder18;
	}

	String gender() {
		return this.gender;
	}

	String nationality() {
		return this.nationality;
	}

	String interpreterLanguage() {
		return this.interpreterLanguage;
	}

}
