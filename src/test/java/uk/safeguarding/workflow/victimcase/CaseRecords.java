package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Builds case records for tests of other packages (the summaries, the notices) the way
 * the journey does: through what the officer reports ({@link NewCase}) and the
 * aggregate's own behaviour, since {@link VictimCase} has no setters.
 */
public final class CaseRecords {

	private final String reference;

	private final String areaCode;

	private final String victimName;

	private final Instant openedAt;

	private LocalDate dateOfBirth;

	private String gender;

	private String nationality;

	private String exploitationTypes;

	private String exploitationLocation;

	private String exploitationPlace;

	private String exploitationPeriod;

	private Pathway pathway;

	private CaseRecords(String reference, String areaCode, String victimName, Instant openedAt) {
		this.reference = reference;
		this.areaCode = areaCode;
		this.victimName = victimName;
		this.openedAt = openedAt;
	}

	/** A case reported in an area, with the other details not given. */
	public static CaseRecords reported(String reference, String areaCode, String victimName, Instant openedAt) {
		return new CaseRecords(reference, areaCode, victimName, openedAt);
	}

	public CaseRecords dateOfBirth(LocalDate dateOfBirth) {
		this.dateOfBirth = dateOfBirth;
		return this;
	}

	public CaseRecords gender(String gender) {
		this.gender = gender;
		return this;
	}

	public CaseRecords nationality(String nationality) {
		this.nationality = nationality;
		return this;
	}

	public CaseRecords exploitation(String types, String location, String place, String period) {
		this.exploitationTypes = types;
		this.exploitationLocation = location;
		this.exploitationPlace = place;
		this.exploitationPeriod = period;
		return this;
	}

	/** The pathway the decision table would choose (risk: standard). */
	public CaseRecords pathway(Pathway pathway) {
		this.pathway = pathway;
		return this;
	}

	public VictimCase build() {
		NewCase report = new NewCase(this.areaCode, this.victimName, this.dateOfBirth, null, false, null, false, false,
				null, this.gender, this.nationality, this.exploitationTypes, this.exploitationLocation,
				this.exploitationPlace, this.exploitationPeriod, null, "officer", null, null);
		VictimCase record = new VictimCase(this.reference, report, this.openedAt);
		if (this.pathway != null) {
			record.choosePathway(this.pathway, RiskLevel.STANDARD);
		}
		return record;
	}

	/** The adult's answer to the NRM consent question, in the ledger. */
	public static void nrmConsent(VictimCase record, Instant at, ConsentOutcome outcome, String explainedBy,
			boolean professionalInterpreter) {
		record.recordNrmConsent(at, outcome, explainedBy, professionalInterpreter, "UserTask_SeekInformedConsent");
	}

	/** The adult withdraws the consent that stands. */
	public static void consentWithdrawn(VictimCase record, Instant at, String actor) {
		record.withdrawConsent(at, actor, "StartEvent_ConsentWithdrawn");
	}

}
