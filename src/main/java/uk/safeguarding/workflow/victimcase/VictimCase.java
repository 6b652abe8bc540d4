package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

/**
 * The case record: the only place a victim's identifying details, the consent ledger, the
 * references and the chronology are kept. The engine holds only the reference (business
 * key), flags and outcomes.
 */
@Entity
@Table(name = "victim_case")
public class VictimCase {

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
	@Column(nullable = false, length = 200)
	private String victimName;

	private LocalDate dateOfBirth;

	private Integer estimatedAge;

	private boolean ageUncertain;

	private Boolean mayBeUnder18;

	@Column(length = 20)
	private String gender;

	@Column(length = 100)
	private String nationality;

	@Column(length = 200)
	private String exploitationTypes;

	@Column(length = 20)
	private String exploitationLocation;

	@Column(length = 100)
	private String exploitationPlace;

	@Column(length = 20)
	private String exploitationPeriod;

	@Column(length = 100)
	private String interpreterLanguage;

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

	// references
	@Column(length = 30)
	private String crimeReference;

	@Column(length = 30)
	private String nrmReference;

	private Instant nrmSubmittedAt;

	@Column(length = 30)
	private String dutyToNotifyReference;

	@Column(length = 30)
	private String localAuthorityReference;

	// decisions
	@Enumerated(EnumType.STRING)
	@Column(length = 10)
	private GroundsDecision reasonableGroundsDecision;

	private LocalDate reasonableGroundsDecisionDate;

	@Enumerated(EnumType.STRING)
	@Column(length = 10)
	private GroundsDecision conclusiveGroundsDecision;

	private LocalDate conclusiveGroundsDecisionDate;

	private boolean conclusiveDecisionFlagged;

	private int missingEpisodes;

	@OneToMany(mappedBy = "victimCase", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("recordedAt ASC, id ASC")
	private List<ConsentRecord> consentLedger = new ArrayList<>();

	@OneToMany(mappedBy = "victimCase", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("at ASC, id ASC")
	private List<ChronologyEntry> chronology = new ArrayList<>();

	protected VictimCase() {
	}

	public VictimCase(String reference, String areaCode, String victimName, Instant openedAt) {
		this.reference = reference;
		this.areaCode = areaCode;
		this.victimName = victimName;
		this.openedAt = openedAt;
	}

	public ChronologyEntry addChronology(Instant at, String actor, String step, String summary, String details) {
		ChronologyEntry entry = new ChronologyEntry(this, at, actor, step, summary, details);
		this.chronology.add(entry);
		return entry;
	}

	public ConsentRecord addConsent(Instant at, ConsentOutcome outcome, String explainedBy,
			boolean professionalInterpreter, String step) {
		ConsentRecord record = new ConsentRecord(this, at, outcome, explainedBy, professionalInterpreter, step);
		this.consentLedger.add(record);
		return record;
	}

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

	public int nextMissingEpisode() {
		this.missingEpisodes++;
		return this.missingEpisodes;
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

	public void setProcessInstanceId(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public void setStatus(CaseStatus status) {
		this.status = status;
	}

	public Pathway getPathway() {
		return this.pathway;
	}

	public void setPathway(Pathway pathway) {
		this.pathway = pathway;
	}

	public RiskLevel getRiskLevel() {
		return this.riskLevel;
	}

	public void setRiskLevel(RiskLevel riskLevel) {
		this.riskLevel = riskLevel;
	}

	public String getAreaCode() {
		return this.areaCode;
	}

	public String getReportingOfficer() {
		return this.reportingOfficer;
	}

	public void setReportingOfficer(String reportingOfficer) {
		this.reportingOfficer = reportingOfficer;
	}

	public String getInvestigator() {
		return this.investigator;
	}

	public void setInvestigator(String investigator) {
		this.investigator = investigator;
	}

	public String getLiaisonOfficer() {
		return this.liaisonOfficer;
	}

	public void setLiaisonOfficer(String liaisonOfficer) {
		this.liaisonOfficer = liaisonOfficer;
	}

	public String getLiaisonRole() {
		return this.liaisonRole;
	}

	public void setLiaisonRole(String liaisonRole) {
		this.liaisonRole = liaisonRole;
	}

	public String getSupervisor() {
		return this.supervisor;
	}

	public void setSupervisor(String supervisor) {
		this.supervisor = supervisor;
	}

	public String getVictimNavigatorName() {
		return this.victimNavigatorName;
	}

	public void setVictimNavigatorName(String victimNavigatorName) {
		this.victimNavigatorName = victimNavigatorName;
	}

	public String getVictimNavigatorOrganisation() {
		return this.victimNavigatorOrganisation;
	}

	public void setVictimNavigatorOrganisation(String victimNavigatorOrganisation) {
		this.victimNavigatorOrganisation = victimNavigatorOrganisation;
	}

	public String getVictimName() {
		return this.victimName;
	}

	public LocalDate getDateOfBirth() {
		return this.dateOfBirth;
	}

	public void setDateOfBirth(LocalDate dateOfBirth) {
		this.dateOfBirth = dateOfBirth;
	}

	public Integer getEstimatedAge() {
		return this.estimatedAge;
	}

	public void setEstimatedAge(Integer estimatedAge) {
		this.estimatedAge = estimatedAge;
	}

	public boolean isAgeUncertain() {
		return this.ageUncertain;
	}

	public void setAgeUncertain(boolean ageUncertain) {
		this.ageUncertain = ageUncertain;
	}

	public Boolean getMayBeUnder18() {
		return this.mayBeUnder18;
	}

	public void setMayBeUnder18(Boolean mayBeUnder18) {
		this.mayBeUnder18 = mayBeUnder18;
	}

	public String getGender() {
		return this.gender;
	}

	public void setGender(String gender) {
		this.gender = gender;
	}

	public String getNationality() {
		return this.nationality;
	}

	public void setNationality(String nationality) {
		this.nationality = nationality;
	}

	public String getExploitationTypes() {
		return this.exploitationTypes;
	}

	public void setExploitationTypes(String exploitationTypes) {
		this.exploitationTypes = exploitationTypes;
	}

	public String getExploitationLocation() {
		return this.exploitationLocation;
	}

	public void setExploitationLocation(String exploitationLocation) {
		this.exploitationLocation = exploitationLocation;
	}

	public String getExploitationPlace() {
		return this.exploitationPlace;
	}

	public void setExploitationPlace(String exploitationPlace) {
		this.exploitationPlace = exploitationPlace;
	}

	public String getExploitationPeriod() {
		return this.exploitationPeriod;
	}

	public void setExploitationPeriod(String exploitationPeriod) {
		this.exploitationPeriod = exploitationPeriod;
	}

	public String getInterpreterLanguage() {
		return this.interpreterLanguage;
	}

	public void setInterpreterLanguage(String interpreterLanguage) {
		this.interpreterLanguage = interpreterLanguage;
	}

	public boolean isCareAndSupportNeeds() {
		return this.careAndSupportNeeds;
	}

	public void setCareAndSupportNeeds(boolean careAndSupportNeeds) {
		this.careAndSupportNeeds = careAndSupportNeeds;
	}

	public boolean isImmediateRisk() {
		return this.immediateRisk;
	}

	public void setImmediateRisk(boolean immediateRisk) {
		this.immediateRisk = immediateRisk;
	}

	public String getPlaceOfSafetyAddress() {
		return this.placeOfSafetyAddress;
	}

	public void setPlaceOfSafetyAddress(String placeOfSafetyAddress) {
		this.placeOfSafetyAddress = placeOfSafetyAddress;
	}

	public Instant getIdentifiedAt() {
		return this.identifiedAt;
	}

	public void setIdentifiedAt(Instant identifiedAt) {
		this.identifiedAt = identifiedAt;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public void setClosedAt(Instant closedAt) {
		this.closedAt = closedAt;
	}

	public ClosureReason getClosureReason() {
		return this.closureReason;
	}

	public void setClosureReason(ClosureReason closureReason) {
		this.closureReason = closureReason;
	}

	public String getOpenItemsAtClosure() {
		return this.openItemsAtClosure;
	}

	public void setOpenItemsAtClosure(String openItemsAtClosure) {
		this.openItemsAtClosure = openItemsAtClosure;
	}

	public LocalDate getRetentionReviewDate() {
		return this.retentionReviewDate;
	}

	public void setRetentionReviewDate(LocalDate retentionReviewDate) {
		this.retentionReviewDate = retentionReviewDate;
	}

	public String getCrimeReference() {
		return this.crimeReference;
	}

	public void setCrimeReference(String crimeReference) {
		this.crimeReference = crimeReference;
	}

	public String getNrmReference() {
		return this.nrmReference;
	}

	public void setNrmReference(String nrmReference) {
		this.nrmReference = nrmReference;
	}

	public Instant getNrmSubmittedAt() {
		return this.nrmSubmittedAt;
	}

	public void setNrmSubmittedAt(Instant nrmSubmittedAt) {
		this.nrmSubmittedAt = nrmSubmittedAt;
	}

	public String getDutyToNotifyReference() {
		return this.dutyToNotifyReference;
	}

	public void setDutyToNotifyReference(String dutyToNotifyReference) {
		this.dutyToNotifyReference = dutyToNotifyReference;
	}

	public String getLocalAuthorityReference() {
		return this.localAuthorityReference;
	}

	public void setLocalAuthorityReference(String localAuthorityReference) {
		this.localAuthorityReference = localAuthorityReference;
	}

	public GroundsDecision getReasonableGroundsDecision() {
		return this.reasonableGroundsDecision;
	}

	public void setReasonableGroundsDecision(GroundsDecision reasonableGroundsDecision) {
		this.reasonableGroundsDecision = reasonableGroundsDecision;
	}

	public LocalDate getReasonableGroundsDecisionDate() {
		return this.reasonableGroundsDecisionDate;
	}

	public void setReasonableGroundsDecisionDate(LocalDate reasonableGroundsDecisionDate) {
		this.reasonableGroundsDecisionDate = reasonableGroundsDecisionDate;
	}

	public GroundsDecision getConclusiveGroundsDecision() {
		return this.conclusiveGroundsDecision;
	}

	public void setConclusiveGroundsDecision(GroundsDecision conclusiveGroundsDecision) {
		this.conclusiveGroundsDecision = conclusiveGroundsDecision;
	}

	public LocalDate getConclusiveGroundsDecisionDate() {
		return this.conclusiveGroundsDecisionDate;
	}

	public void setConclusiveGroundsDecisionDate(LocalDate conclusiveGroundsDecisionDate) {
		this.conclusiveGroundsDecisionDate = conclusiveGroundsDecisionDate;
	}

	public boolean isConclusiveDecisionFlagged() {
		return this.conclusiveDecisionFlagged;
	}

	public void setConclusiveDecisionFlagged(boolean conclusiveDecisionFlagged) {
		this.conclusiveDecisionFlagged = conclusiveDecisionFlagged;
	}

	public int getMissingEpisodes() {
		return this.missingEpisodes;
	}

	public List<ConsentRecord> getConsentLedger() {
		return this.consentLedger;
	}

	public List<ChronologyEntry> getChronology() {
		return this.chronology;
	}

}
