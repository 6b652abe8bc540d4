package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.safeguarding.workflow.process.SafeguardingRuleViolation;

/**
 * The case record, kept as one aggregate: the only place a victim's identifying details
 * ({@link VictimIdentity}), the references other bodies gave
 * ({@link ExternalReferences}), the competent authority's decisions
 * ({@link GroundsDecisions}), the consent ledger and the chronology are kept. The engine
 * holds only the reference (business key), flags and outcomes.
 * <p>
 * It changes only through its behaviour methods, each called by {@link VictimCaseService}
 * (or {@link StepFacts} for a completed step) in this package, and each keeping its rule
 * here: a closed case takes no further fact, a consent can be withdrawn only where it
 * stands. Other packages read it through its getters.
 */
@Entity
@Table(name = "victim_case")
public class VictimCase {

	/** What a closed case answers to any further fact. */
	static final String CLOSED = "The case is closed: it no longer takes changes.";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(nullable = false, unique = true, length = 20)
	private String reference;

	@Column(length = 64)
	private String processInstanceId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private CaseStatus status = CaseStatus.OPEN;

	@Enumerated(EnumType.STRING)
	@Column(length = 10)
	private Pathway pathway;

	@Enumerated(EnumType.STRING)
	@Column(length = 10)
	private RiskLevel riskLevel;

	@Column(nullable = false, length = 9)
	private String areaCode;

	// the people connected to the case (CaseAccess opens it to them)
	@Column(length = 64)
	private String reportingOfficer;

	@Column(length = 64)
	private String investigator;

	@Column(length = 64)
	private String liaisonOfficer;

	@Column(length = 20)
	private String liaisonRole;

	@Column(length = 64)
	private String supervisor;

	@Column(length = 200)
	private String victimNavigatorName;

	@Column(length = 200)
	private String victimNavigatorOrganisation;

	// identifying details: never in the engine
	@Embedded
	@AttributeOverride(name = "name", column = @Column(name = "victim_name", nullable = false, length = 200))
	@AttributeOverride(name = "dateOfBirth", column = @Column(name = "date_of_birth"))
	@AttributeOverride(name = "estimatedAge", column = @Column(name = "estimated_age"))
	@AttributeOverride(name = "ageUncertain", column = @Column(name = "age_uncertain"))
	@AttributeOverride(name = "mayBeUnder18", column = @Column(name = "may_be_under18"))
	@AttributeOverride(name = "gender", column = @Column(name = "gender", length = 20))
	@AttributeOverride(name = "nationality", column = @Column(name = "nationality", length = 100))
	@AttributeOverride(name = "interpreterLanguage", column = @Column(name = "interpreter_language", length = 100))
	private VictimIdentity identity;

	// what was reported about the exploitation
	@Column(length = 200)
	private String exploitationTypes;

	@Column(length = 20)
	private String exploitationLocation;

	@Column(length = 100)
	private String exploitationPlace;

	@Column(length = 20)
	private String exploitationPeriod;

	private boolean careAndSupportNeeds;

	private boolean immediateRisk;

	@Column(length = 500)
	private String placeOfSafetyAddress;

	private Instant identifiedAt;

	@Column(nullable = false)
	private Instant openedAt;

	private Instant closedAt;

	/** Why the case closed (the closure form's coded reason). */
	@Enumerated(EnumType.STRING)
	@Column(length = 30)
	private ClosureReason closureReason;

	/** What was still open when the case closed, as the supervisor saw it. */
	@Column(length = 500)
	private String openItemsAtClosure;

	private LocalDate retentionReviewDate;

	// null when loaded with every column empty (JPA's rule for an embeddable): see
	// references()
	@Embedded
	@AttributeOverride(name = "crime", column = @Column(name = "crime_reference", length = 30))
	@AttributeOverride(name = "nrm", column = @Column(name = "nrm_reference", length = 30))
	@AttributeOverride(name = "nrmSubmittedAt", column = @Column(name = "nrm_submitted_at"))
	@AttributeOverride(name = "dutyToNotify", column = @Column(name = "duty_to_notify_reference", length = 30))
	@AttributeOverride(name = "localAuthority", column = @Column(name = "local_authority_reference", length = 30))
	private ExternalReferences references;

	// null when loaded with every column empty: see decisions()
	@Embedded
	@AttributeOverride(name = "reasonableGrounds", column = @Column(name = "reasonable_grounds_decision", length = 10))
	@AttributeOverride(name = "reasonableGroundsDate", column = @Column(name = "reasonable_grounds_decision_date"))
	@AttributeOverride(name = "conclusiveGrounds", column = @Column(name = "conclusive_grounds_decision", length = 10))
	@AttributeOverride(name = "conclusiveGroundsDate", column = @Column(name = "conclusive_grounds_decision_date"))
	@AttributeOverride(name = "conclusiveFlagged", column = @Column(name = "conclusive_decision_flagged"))
	private GroundsDecisions decisions;

	private int missingEpisodes;

	@OneToMany(mappedBy = "victimCase", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("recordedAt ASC, id ASC")
	private List<ConsentRecord> consentLedger = new ArrayList<>();

	@OneToMany(mappedBy = "victimCase", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("at ASC, id ASC")
	private List<ChronologyEntry> chronology = new ArrayList<>();

	protected VictimCase() {
	}

	/** Opens the record of what the officer reported (the start form). */
	VictimCase(String reference, NewCase report, Instant openedAt) {
		this.reference = reference;
		this.processInstanceId = report.processInstanceId();
		this.areaCode = report.areaCode();
		this.reportingOfficer = report.reportingOfficer();
		this.identity = new VictimIdentity(report);
		this.exploitationTypes = report.exploitationTypes();
		this.exploitationLocation = report.exploitationLocation();
		this.exploitationPlace = report.exploitationPlace();
		this.exploitationPeriod = report.exploitationPeriod();
		this.careAndSupportNeeds = report.careAndSupportNeeds();
		this.immediateRisk = report.immediateRisk();
		this.identifiedAt = report.identifiedAt();
		this.openedAt = openedAt;
		this.references = ExternalReferences.none();
		this.decisions = GroundsDecisions.none();
	}

	// behaviour: how the case changes, each with its rule

	/**
	 * The pathway decision table's outcome.
	 * @return whether the pathway changed (a new chronology line is due)
	 */
	boolean choosePathway(Pathway pathway, RiskLevel riskLevel) {
		requireOpen("pathway");
		boolean changed = pathway != this.pathway;
		this.pathway = pathway;
		this.riskLevel = riskLevel;
		return changed;
	}

	/**
	 * A local authority age assessment: the age is settled, and the pathway follows it.
	 * @return {@code UNCHANGED}, {@code NOW_CHILD} or {@code NOW_ADULT}
	 */
	String recordAgeAssessment(boolean adult) {
		requireOpen("assessedAge");
		Pathway assessed = adult ? Pathway.ADULT : Pathway.CHILD;
		String change = (assessed == this.pathway) ? "UNCHANGED" : (adult ? "NOW_ADULT" : "NOW_CHILD");
		this.identity.ageAssessed(adult);
		this.pathway = assessed;
		return change;
	}

	void recordPlaceOfSafety(String address) {
		requireOpen("placeOfSafetyAddress");
		this.placeOfSafetyAddress = address;
	}

	void recordCrimeReference(String crimeReference) {
		requireOpen("crimeReference");
		references().crime(crimeReference);
	}

	void recordLocalAuthorityReference(String localAuthorityReference) {
		requireOpen("localAuthorityReference");
		references().localAuthority(localAuthorityReference);
	}

	/**
	 * The NRM referral: submitted by this force at {@code submittedAt}, or already made
	 * by another agency ({@code submittedAt} {@code null}).
	 */
	void recordNrmReferral(String nrmReference, Instant submittedAt) {
		requireOpen("nrmReference");
		references().nrm(nrmReference, submittedAt);
	}

	void recordDutyToNotify(String dutyToNotifyReference) {
		requireOpen("dutyToNotifyReference");
		references().dutyToNotify(dutyToNotifyReference);
	}

	void assignInvestigator(String userId) {
		requireOpen("investigator");
		this.investigator = userId;
	}

	/** The victim liaison officer deployed, in which role, and any victim navigator. */
	void deployLiaison(String userId, String role, String navigatorName, String navigatorOrganisation) {
		requireOpen("liaisonOfficer");
		this.liaisonOfficer = userId;
		this.liaisonRole = role;
		this.victimNavigatorName = navigatorName;
		this.victimNavigatorOrganisation = navigatorOrganisation;
	}

	/** The first supervisor to act on the case supervises it from then on. */
	void superviseIfUnsupervised(String userId) {
		requireOpen("supervisor");
		if (this.supervisor == null) {
			this.supervisor = userId;
		}
	}

	/** The competent authority's reasonable grounds decision, on the day it was made. */
	void recordReasonableGrounds(GroundsDecision decision, LocalDate madeOn) {
		requireOpen("reasonableGroundsDecision");
		decisions().reasonableGrounds(decision, madeOn);
	}

	/**
	 * The conclusive grounds decision; {@code flagged} when it came before the 30-day
	 * recovery period after reasonable grounds ended.
	 */
	void recordConclusiveGrounds(GroundsDecision decision, LocalDate madeOn, boolean flagged) {
		requireOpen("conclusiveGroundsDecision");
		decisions().conclusiveGrounds(decision, madeOn, flagged);
	}

	/** The adult's answer to the NRM referral (given, declined, undecided). */
	ConsentRecord recordNrmConsent(Instant at, ConsentOutcome outcome, String explainedBy,
			boolean professionalInterpreter, String step) {
		if (!outcome.isAboutNrmReferral() || outcome == ConsentOutcome.WITHDRAWN) {
			throw new IllegalArgumentException(outcome + " is not an answer to the NRM consent question");
		}
		return addConsent(at, outcome, explainedBy, professionalInterpreter, step);
	}

	/** A presumed child found to be an adult: the answer to adult support. */
	ConsentRecord recordAdultSupportConsent(Instant at, ConsentOutcome outcome, String explainedBy,
			boolean professionalInterpreter, String step) {
		if (outcome.isAboutNrmReferral()) {
			throw new IllegalArgumentException(outcome + " is not an answer on adult support");
		}
		return addConsent(at, outcome, explainedBy, professionalInterpreter, step);
	}

	/**
	 * The adult withdrew consent to the NRM referral: only a consent that stands can be.
	 */
	ConsentRecord withdrawConsent(Instant at, String actor, String step) {
		if (latestNrmConsent().map(ConsentRecord::getOutcome).orElse(null) != ConsentOutcome.GIVEN) {
			throw new SafeguardingRuleViolation("consent",
					"No consent to an NRM referral stands on this case, so there is nothing to withdraw.");
		}
		return addConsent(at, ConsentOutcome.WITHDRAWN, actor, false, step);
	}

	private ConsentRecord addConsent(Instant at, ConsentOutcome outcome, String explainedBy,
			boolean professionalInterpreter, String step) {
		requireOpen("consent");
		ConsentRecord record = new ConsentRecord(this, at, outcome, explainedBy, professionalInterpreter, step);
		this.consentLedger.add(record);
		return record;
	}

	/**
	 * Closes the case: nothing further is recorded on it, and its record is reviewed for
	 * retention on {@code retentionReviewDate}.
	 */
	void close(Instant at, ClosureReason reason, String openItems, LocalDate retentionReviewDate) {
		requireOpen("closeCase");
		this.status = CaseStatus.CLOSED;
		this.closedAt = at;
		this.closureReason = reason;
		this.openItemsAtClosure = openItems;
		this.retentionReviewDate = retentionReviewDate;
	}

	/** The victim is reported missing: the next episode's number, from 1. */
	int nextMissingEpisode() {
		this.missingEpisodes++;
		return this.missingEpisodes;
	}

	/**
	 * A line of the chronology. Lines are added to a closed case too: the chronology
	 * records what happened to the record (disclosures, details received), not facts.
	 */
	ChronologyEntry addChronology(Instant at, String actor, String step, String summary, String details) {
		ChronologyEntry entry = new ChronologyEntry(this, at, actor, step, summary, details);
		this.chronology.add(entry);
		return entry;
	}

	private void requireOpen(String field) {
		if (this.status == CaseStatus.CLOSED) {
			throw new SafeguardingRuleViolation(field, CLOSED);
		}
	}

	private ExternalReferences references() {
		if (this.references == null) {
			this.references = ExternalReferences.none();
		}
		return this.references;
	}

	private GroundsDecisions decisions() {
		if (this.decisions == null) {
			this.decisions = GroundsDecisions.none();
		}
		return this.decisions;
	}

	// reading

	/**
	 * The latest answer to the NRM consent question in the ledger, ignoring answers on
	 * adult support.
	 */
	public Optional<ConsentRecord> latestNrmConsent() {
		for (int i = this.consentLedger.size() - 1; i >= 0; i--) {
			ConsentRecord entry = this.consentLedger.get(i);
			if (entry.getOutcome().isAboutNrmReferral()) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}

	public boolean isChild() {
		return this.pathway == Pathway.CHILD;
	}

	public boolean isClosed() {
		return this.status == CaseStatus.CLOSED;
	}

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public Pathway getPathway() {
		return this.pathway;
	}

	public RiskLevel getRiskLevel() {
		return this.riskLevel;
	}

	public String getAreaCode() {
		return this.areaCode;
	}

	public String getReportingOfficer() {
		return this.reportingOfficer;
	}

	public String getInvestigator() {
		return this.investigator;
	}

	public String getLiaisonOfficer() {
		return this.liaisonOfficer;
	}

	public String getLiaisonRole() {
		return this.liaisonRole;
	}

	public String getSupervisor() {
		return this.supervisor;
	}

	public String getVictimNavigatorName() {
		return this.victimNavigatorName;
	}

	public String getVictimNavigatorOrganisation() {
		return this.victimNavigatorOrganisation;
	}

	public String getVictimName() {
		return this.identity.name();
	}

	public LocalDate getDateOfBirth() {
		return this.identity.dateOfBirth();
	}

	public Integer getEstimatedAge() {
		return this.identity.estimatedAge();
	}

	public boolean isAgeUncertain() {
		return this.identity.ageUncertain();
	}

	public Boolean getMayBeUnder18() {
		return this.identity.mayBeUnder18();
	}

	public String getGender() {
		return this.identity.gender();
	}

	public String getNationality() {
		return this.identity.nationality();
	}

	public String getInterpreterLanguage() {
		return this.identity.interpreterLanguage();
	}

	public String getExploitationTypes() {
		return this.exploitationTypes;
	}

	public String getExploitationLocation() {
		return this.exploitationLocation;
	}

	public String getExploitationPlace() {
		return this.exploitationPlace;
	}

	public String getExploitationPeriod() {
		return this.exploitationPeriod;
	}

	public boolean isCareAndSupportNeeds() {
		return this.careAndSupportNeeds;
	}

	public boolean isImmediateRisk() {
		return this.immediateRisk;
	}

	public String getPlaceOfSafetyAddress() {
		return this.placeOfSafetyAddress;
	}

	public Instant getIdentifiedAt() {
		return this.identifiedAt;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public ClosureReason getClosureReason() {
		return this.closureReason;
	}

	public String getOpenItemsAtClosure() {
		return this.openItemsAtClosure;
	}

	public LocalDate getRetentionReviewDate() {
		return this.retentionReviewDate;
	}

	public String getCrimeReference() {
		return (this.references != null) ? this.references.crime() : null;
	}

	public String getNrmReference() {
		return (this.references != null) ? this.references.nrm() : null;
	}

	public Instant getNrmSubmittedAt() {
		return (this.references != null) ? this.references.nrmSubmittedAt() : null;
	}

	public String getDutyToNotifyReference() {
		return (this.references != null) ? this.references.dutyToNotify() : null;
	}

	public String getLocalAuthorityReference() {
		return (this.references != null) ? this.references.localAuthority() : null;
	}

	public GroundsDecision getReasonableGroundsDecision() {
		return (this.decisions != null) ? this.decisions.reasonableGrounds() : null;
	}

	public LocalDate getReasonableGroundsDecisionDate() {
		return (this.decisions != null) ? this.decisions.reasonableGroundsDate() : null;
	}

	public GroundsDecision getConclusiveGroundsDecision() {
		return (this.decisions != null) ? this.decisions.conclusiveGrounds() : null;
	}

	public LocalDate getConclusiveGroundsDecisionDate() {
		return (this.decisions != null) ? this.decisions.conclusiveGroundsDate() : null;
	}

	public boolean isConclusiveDecisionFlagged() {
		return this.decisions != null && this.decisions.conclusiveFlagged();
	}

	public int getMissingEpisodes() {
		return this.missingEpisodes;
	}

	/** The consent ledger, oldest first (read only: answers are recorded above). */
	public List<ConsentRecord> getConsentLedger() {
		return Collections.unmodifiableList(this.consentLedger);
	}

	/** The chronology, oldest first (read only). */
	public List<ChronologyEntry> getChronology() {
		return Collections.unmodifiableList(this.chronology);
	}

}
