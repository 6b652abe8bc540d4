package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.safeguarding.workflow.victimcase.AccessLogEntry.Operation;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The case record's public face. Every operation by a person is written to the access log
 * (Data Protection Act 2018 s62). Runs in the engine's transaction: a refused or failed
 * step keeps nothing.
 */
@Service
@Transactional(propagation = Propagation.REQUIRED)
public class VictimCaseService {

	private final VictimCaseRepository cases;

	private final CaseReferences references;

	private final AccessLogRepository accessLog;

	private final ChronologyRepository chronology;

	private final MissingEpisodeRepository missingEpisodes;

	private final CaseOperationRepository operations;

	private final CaseIds ids;

	public VictimCaseService(VictimCaseRepository cases, CaseReferences references, AccessLogRepository accessLog,
			ChronologyRepository chronology, MissingEpisodeRepository missingEpisodes,
			CaseOperationRepository operations, CaseIds ids) {
		this.cases = cases;
		this.ids = ids;
		this.references = references;
		this.accessLog = accessLog;
		this.chronology = chronology;
		this.missingEpisodes = missingEpisodes;
		this.operations = operations;
	}

	/**
	 * Creates the case record and issues its reference {@code MSHT-YYYY-NNNNNN}.
	 * @param report what the officer reported
	 * @param areaName the area's name in the safeguarding directory, shown beside its
	 * code in the chronology
	 * @param now the time of opening
	 * @return the new record
	 */
	public VictimCase open(NewCase report, String areaName, Instant now) {
		String reference = nextReference(Year.from(now.atZone(JourneyTime.ZONE)).getValue());
		VictimCase record = new VictimCase(reference, report, now);
		record.addChronology(now, report.reportingOfficer(), "StartEvent_PotentialVictimReported",
				"Potential victim reported in " + areaName + " (" + report.areaCode() + "); case opened",
				report.circumstancesNotes());
		VictimCase saved = this.cases.save(record);
		log(now, report.reportingOfficer(), reference, Operation.COLLECTION, "Potential victim reported (start form)");
		return saved;
	}

	private String nextReference(int year) {
		int number = this.references.next(year);
		if (number > 999_999) {
			throw new IllegalStateException("Case references for " + year + " are exhausted");
		}
		return String.format("MSHT-%d-%06d", year, number);
	}

	/**
	 * The cases a person is named on (reporting officer, investigator, liaison,
	 * supervisor), newest first.
	 */
	@Transactional(readOnly = true)
	public List<VictimCase> casesOf(String userId) {
		return this.cases.findNewest200NamingPerson(userId);
	}

	/** Open cases, newest first (callers filter by who may see them). */
	@Transactional(readOnly = true)
	public List<VictimCase> openCases() {
		return this.cases.findTop200ByClosedAtIsNullOrderByOpenedAtDesc();
	}

	@Transactional(readOnly = true)
	public Optional<VictimCase> find(String reference) {
		return this.ids.find(reference);
	}

	/**
	 * Reads a case record for a person, logging the consultation.
	 * @param reference the case reference
	 * @param userId who reads it
	 * @param purpose the endpoint or reason
	 * @return the record, if it exists
	 */
	public Optional<VictimCase> consult(String reference, String userId, String purpose) {
		Optional<VictimCase> record = this.ids.find(reference);
		record.ifPresent((found) -> log(JourneyTime.now(), userId, reference, Operation.CONSULTATION, purpose));
		return record;
	}

	public void recordPathway(String reference, String pathwayName, String riskLevelName, Instant now) {
		// the decision table's outputs: a name outside the enums is a broken table
		Pathway pathway = Pathway.valueOf(pathwayName);
		RiskLevel riskLevel = RiskLevel.valueOf(riskLevelName);
		VictimCase record = require(reference);
		if (record.choosePathway(pathway, riskLevel)) {
			record.addChronology(now, null, "BusinessRuleTask_DetermineSafeguardingPathway",
					"Safeguarding pathway: " + pathway + " (risk " + riskLevel + ")", null);
		}
	}

	/**
	 * Records a completed step: facts into the record, free text into the chronology, and
	 * the alteration into the access log.
	 * @param reference the case
	 * @param step the task id
	 * @param stepName the task's name
	 * @param actor who completed it
	 * @param facts references, outcomes and people the step recorded
	 * @param caseRecordOnly personal data and free text the step captured
	 * @param now when
	 */
	public void recordStep(String reference, String step, String stepName, String actor, Map<String, Object> facts,
			Map<String, Object> caseRecordOnly, Instant now) {
		VictimCase record = require(reference);
		StepFacts.apply(record, step, facts, caseRecordOnly, actor, now);
		String summary = stepName + " completed" + StepFacts.summary(step, facts);
		record.addChronology(now, actor, step, truncate(summary, 500), details(caseRecordOnly));
		log(now, actor, reference, Operation.ALTERATION, "Step completed: " + stepName);
	}

	/**
	 * Keeps what a message brought that never stays in the engine (personal data, free
	 * text) in the chronology, and the collection in the access log.
	 * @param reference the case
	 * @param event the message event's id
	 * @param eventName the message event's name
	 * @param actor who sent the message, if known
	 * @param caseRecordOnly personal data and free text the message carried
	 * @param now when
	 */
	public void recordMessageDetails(String reference, String event, String eventName, String actor,
			Map<String, Object> caseRecordOnly, Instant now) {
		VictimCase record = require(reference);
		record.addChronology(now, actor, event, truncate(eventName + ": details received with the message", 500),
				details(caseRecordOnly));
		log(now, actor, reference, Operation.COLLECTION,
				truncate("Details received with the message: " + eventName, 300));
	}

	/**
	 * Records a local authority age assessment and works out what changes.
	 * @return {@code UNCHANGED}, {@code NOW_CHILD} or {@code NOW_ADULT}
	 */
	public String recordAgeAssessment(String reference, boolean assessedAdult, Instant now) {
		VictimCase record = require(reference);
		String change = record.recordAgeAssessment(assessedAdult);
		Pathway newPathway = record.getPathway();
		record
			.addChronology(now, null, "ServiceTask_RecordAgeAssessment",
					"Local authority age assessment: " + (assessedAdult ? "adult" : "child")
							+ ("UNCHANGED".equals(change) ? "; pathway unchanged" : "; pathway now " + newPathway),
					null);
		log(now, null, reference, Operation.ALTERATION, "Age assessment recorded (message AgeAssessmentCompleted)");
		return change;
	}

	public int openMissingEpisode(String reference, Instant now) {
		return openMissingEpisode(reference, null, now);
	}

	/**
	 * Opens a missing episode.
	 * @param reference the case
	 * @param actor who reported it, when known
	 * @param now when
	 * @return the episode's number
	 */
	public int openMissingEpisode(String reference, String actor, Instant now) {
		VictimCase record = require(reference);
		int episode = record.nextMissingEpisode();
		this.missingEpisodes.save(new MissingEpisode(record, episode, now, actor));
		record.addChronology(now, actor, "StartEvent_VictimReportedMissing",
				"Victim reported missing (episode " + episode + ")", null);
		log(now, actor, reference, Operation.ALTERATION, "Missing episode " + episode + " opened");
		return episode;
	}

	/**
	 * Closes every open missing episode of the case: the person is found.
	 * @return the number of the latest episode closed, or empty when none was open
	 */
	public java.util.OptionalInt closeMissingEpisodes(String reference, String actor, Instant now) {
		VictimCase record = require(reference);
		List<MissingEpisode> open = this.missingEpisodes.findByVictimCaseOrderByNumberAsc(record)
			.stream()
			.filter(MissingEpisode::isOpen)
			.toList();
		if (open.isEmpty()) {
			return java.util.OptionalInt.empty();
		}
		open.forEach((episode) -> episode.close(now, actor));
		String numbers = String.join(", ", open.stream().map((e) -> String.valueOf(e.getNumber())).toList());
		record.addChronology(now, actor, "StartEvent_VictimFound",
				"Victim found: missing episode " + numbers + " closed", null);
		log(now, actor, reference, Operation.ALTERATION, "Missing episode " + numbers + " closed (victim found)");
		return java.util.OptionalInt.of(open.get(open.size() - 1).getNumber());
	}

	@Transactional(readOnly = true)
	public List<MissingEpisode> missingEpisodes(String reference) {
		return this.ids.find(reference).map(this.missingEpisodes::findByVictimCaseOrderByNumberAsc).orElse(List.of());
	}

	/**
	 * The latest answer to the NRM consent question in the ledger ({@code GIVEN},
	 * {@code DECLINED}, {@code UNDECIDED} or {@code WITHDRAWN}), ignoring answers on
	 * adult support.
	 */
	@Transactional(readOnly = true)
	public Optional<ConsentOutcome> latestNrmConsent(String reference) {
		return require(reference).latestNrmConsent().map(ConsentRecord::getOutcome);
	}

	/**
	 * Records in the consent ledger that the adult withdrew consent to the NRM referral.
	 * @param nrmSubmitted whether the referral had already been submitted
	 */
	public void recordConsentWithdrawal(String reference, String actor, boolean nrmSubmitted, Instant now) {
		VictimCase record = require(reference);
		record.withdrawConsent(now, actor, "StartEvent_ConsentWithdrawn");
		record.addChronology(now, actor, "StartEvent_ConsentWithdrawn", nrmSubmitted
				? "Consent withdrawn after the NRM referral: the competent authority is to be told"
				: "Consent withdrawn before the NRM referral was submitted: the referral is stopped and the Duty to Notify follows",
				null);
		log(now, actor, reference, Operation.ALTERATION, "Consent withdrawal recorded (message ConsentWithdrawn)");
	}

	/**
	 * Records the NRM reference of a referral another agency already made (the case was
	 * passed to us): no second referral is made.
	 */
	public void recordExistingNrmReferral(String reference, String nrmReference, String actor, Instant now) {
		VictimCase record = require(reference);
		record.recordNrmReferral(nrmReference, null);
		record.addChronology(now, actor, "StartEvent_PotentialVictimReported",
				"Already referred to the NRM by another agency (reference " + nrmReference
						+ "): no consent conversation and no second referral; the decisions are awaited",
				null);
	}

	/**
	 * Links the case to a police operation; cases with the same operation reference are
	 * listed together.
	 */
	public void linkOperation(String reference, String operationReference, String actor, Instant now) {
		VictimCase record = require(reference);
		Optional<CaseOperation> existing = this.operations.findByVictimCase(record);
		if (existing.isPresent()) {
			if (existing.get().getOperationReference().equals(operationReference)) {
				return;
			}
			existing.get().relink(operationReference, now, actor);
		}
		else {
			this.operations.save(new CaseOperation(record, operationReference, now, actor));
		}
		record.addChronology(now, actor, "OperationLinked", "Linked to operation " + operationReference, null);
		log(now, actor, reference, Operation.ALTERATION, "Linked to operation " + operationReference);
	}

	@Transactional(readOnly = true)
	public Optional<String> operationOf(String reference) {
		return this.ids.find(reference)
			.flatMap(this.operations::findByVictimCase)
			.map(CaseOperation::getOperationReference);
	}

	/** The other cases of the same operation, oldest link first. */
	@Transactional(readOnly = true)
	public List<VictimCase> linkedCases(String reference) {
		return operationOf(reference)
			.map((operation) -> this.operations.findByOperationReferenceOrderByLinkedAtAsc(operation)
				.stream()
				.map(CaseOperation::getVictimCase)
				.filter((other) -> !other.getReference().equals(reference))
				.toList())
			.orElse(List.of());
	}

	/**
	 * Records a disclosure of case information to someone outside the force.
	 */
	public void recordDisclosure(String reference, String recipient, String purpose, Instant now) {
		VictimCase record = require(reference);
		record.addChronology(now, null, "Notification", truncate(purpose + " sent to " + recipient, 500), null);
		log(now, null, reference, Operation.DISCLOSURE, truncate(purpose + " to " + recipient, 300));
	}

	/**
	 * Records a notification event (queued, an attempt, delivered, failed) in the case
	 * chronology; a delivery is also logged as a disclosure (recipient and purpose). The
	 * line is written on its own, without changing the case record, so that notices
	 * delivered at the same time as a step is completed never conflict with it.
	 * @param reference the case
	 * @param summary what happened, with no personal data
	 * @param disclosedTo the recipient when something was disclosed, otherwise
	 * {@code null}
	 * @param now when
	 */
	public void recordNotificationEvent(String reference, String summary, String disclosedTo, Instant now) {
		// a reference to the case, not the case loaded: the line is inserted without the
		// case record in the persistence context, so its @Version never moves for a
		// notice
		// and a step completing on the case at that moment is not refused
		VictimCase record = this.cases.getReferenceById(this.cases.findIdByReference(reference)
			.orElseThrow(() -> new IllegalStateException("No case record " + reference)));
		this.chronology.save(new ChronologyEntry(record, now, null, "Notification", truncate(summary, 500), null));
		if (disclosedTo != null) {
			log(now, null, reference, Operation.DISCLOSURE, truncate(summary, 300));
		}
	}

	private VictimCase require(String reference) {
		return this.ids.find(reference).orElseThrow(() -> new IllegalStateException("No case record " + reference));
	}

	/**
	 * Logs a person's read of a case's data through an engine endpoint (task form data,
	 * variables, history), without reading the record itself.
	 */
	public void recordConsultation(String reference, String userId, String endpoint) {
		log(JourneyTime.now(), userId, reference, Operation.CONSULTATION, truncate(endpoint, 300));
	}

	/**
	 * Logs a change a break-glass administrator made to a case through an engine endpoint
	 * (the case record itself records what the journey changed).
	 */
	public void recordAlteration(String reference, String userId, String endpoint) {
		log(JourneyTime.now(), userId, reference, Operation.ALTERATION, truncate(endpoint, 300));
	}

	/**
	 * The access log of one case, oldest first: for managers and subject access requests.
	 */
	@Transactional(readOnly = true)
	public List<AccessLogEntry> accessLog(String reference) {
		return this.accessLog.findByCaseReferenceOrderByAtAscIdAsc(reference);
	}

	private void log(Instant at, String userId, String reference, Operation operation, String purpose) {
		this.accessLog.save(new AccessLogEntry(at, userId, reference, operation, purpose));
	}

	private static String details(Map<String, Object> caseRecordOnly) {
		if (caseRecordOnly.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		new TreeMap<>(caseRecordOnly).forEach((key, value) -> {
			if (value != null && !String.valueOf(value).isBlank()) {
				text.append(key).append(": ").append(value).append('\n');
			}
		});
		return text.isEmpty() ? null : text.toString().strip();
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	static LocalDate retentionReviewDate(Instant closedAt, int years) {
		return closedAt.atZone(JourneyTime.ZONE).toLocalDate().plusYears(years);
	}

}
