package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import uk.safeguarding.workflow.process.Step;
import uk.safeguarding.workflow.process.Step.CaseRecordAction;
import uk.safeguarding.workflow.process.Steps;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Writes what a completed step's entry ({@link Steps}) says it records into the case
 * record: the named answers into the fields of the same name, and its actions (consent
 * ledger, supervisor, closure). No step is named here: a new step's entry says what it
 * records, and a field it names needs a writer below.
 */
final class StepFacts {

	/** The case record fields a step can fill, by the name of the answer. */
	static final Map<String, BiConsumer<VictimCase, Object>> FIELDS = Map.ofEntries(
			Map.entry("placeOfSafetyAddress", (record, value) -> record.setPlaceOfSafetyAddress(text(value))),
			Map.entry("crimeReference", (record, value) -> record.setCrimeReference(text(value))),
			Map.entry("investigator", (record, value) -> record.setInvestigator(text(value))),
			Map.entry("liaisonOfficer", (record, value) -> record.setLiaisonOfficer(text(value))),
			Map.entry("liaisonRole", (record, value) -> record.setLiaisonRole(text(value))),
			Map.entry("victimNavigatorName", (record, value) -> record.setVictimNavigatorName(text(value))),
			Map.entry("victimNavigatorOrganisation",
					(record, value) -> record.setVictimNavigatorOrganisation(text(value))),
			Map.entry("localAuthorityReference", (record, value) -> record.setLocalAuthorityReference(text(value))),
			Map.entry("nrmReference", (record, value) -> record.setNrmReference(text(value))),
			Map.entry("nrmSubmittedAt", (record, value) -> record.setNrmSubmittedAt(instant(value))),
			Map.entry("dutyToNotifyReference", (record, value) -> record.setDutyToNotifyReference(text(value))),
			Map.entry("reasonableGroundsDecision",
					(record, value) -> record.setReasonableGroundsDecision(decision(value))),
			Map.entry("reasonableGroundsDecisionDate",
					(record, value) -> record.setReasonableGroundsDecisionDate(date(value))),
			Map.entry("conclusiveGroundsDecision",
					(record, value) -> record.setConclusiveGroundsDecision(decision(value))),
			Map.entry("conclusiveGroundsDecisionDate",
					(record, value) -> record.setConclusiveGroundsDecisionDate(date(value))),
			Map.entry("conclusiveDecisionFlagged",
					(record, value) -> record.setConclusiveDecisionFlagged(Boolean.TRUE.equals(value))));

	private StepFacts() {
	}

	static String summary(String step, Map<String, Object> facts) {
		List<String> keys = Steps.of(step).map(Step::shown).orElse(List.of());
		String shown = keys.stream()
			.filter((key) -> facts.get(key) != null)
			.map((key) -> key + " " + facts.get(key))
			.collect(Collectors.joining(", "));
		return shown.isEmpty() ? "" : ": " + shown;
	}

	static void apply(VictimCase record, String stepId, Map<String, Object> facts, Map<String, Object> caseRecordOnly,
			String actor, Instant now) {
		Step step = Steps.of(stepId).orElse(null);
		if (step == null) {
			// the chronology entry is the record of this step
			return;
		}
		for (String field : step.recorded()) {
			Object value = caseRecordOnly.containsKey(field) ? caseRecordOnly.get(field) : facts.get(field);
			BiConsumer<VictimCase, Object> writer = FIELDS.get(field);
			if (writer == null) {
				throw new IllegalStateException("Step " + stepId + " records '" + field
						+ "', which the case record has no field for (StepFacts.FIELDS)");
			}
			writer.accept(record, value);
		}
		for (CaseRecordAction action : step.actions()) {
			switch (action) {
				case SUPERVISES -> {
					if (record.getSupervisor() == null) {
						record.setSupervisor(actor);
					}
				}
				case NRM_CONSENT -> {
					String explainedBy = Objects.requireNonNullElse(text(facts.get("consentExplainedBy")), actor);
					record.addConsent(now, ConsentOutcome.nrm(text(facts.get("nrmConsent"))), explainedBy,
							Boolean.TRUE.equals(facts.get("professionalInterpreterUsed")), stepId);
				}
				case ADULT_SUPPORT_CONSENT ->
					record.addConsent(now, ConsentOutcome.adultSupport(text(facts.get("adultSupportConsent"))), actor,
							Boolean.TRUE.equals(facts.get("professionalInterpreterUsed")), stepId);
				case CLOSES -> close(record, facts, now);
			}
		}
	}

	private static void close(VictimCase record, Map<String, Object> facts, Instant now) {
		if (!Boolean.TRUE.equals(facts.get("closeCase"))) {
			return;
		}
		record.setStatus(CaseStatus.CLOSED);
		record.setClosedAt(now);
		record.setClosureReason(ClosureReason.valueOf(text(facts.get("closureReason"))));
		record.setOpenItemsAtClosure(truncate(text(facts.get("openItemsSummary")), 500));
		Object years = facts.get("retentionReviewYears");
		record.setRetentionReviewDate(
				VictimCaseService.retentionReviewDate(now, (years instanceof Number n) ? n.intValue() : 6));
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static String text(Object value) {
		return (value == null) ? null : String.valueOf(value);
	}

	private static GroundsDecision decision(Object value) {
		return (value == null) ? null : GroundsDecision.valueOf(String.valueOf(value));
	}

	private static Instant instant(Object value) {
		return (value instanceof Date date) ? date.toInstant() : null;
	}

	private static LocalDate date(Object value) {
		return JourneyTime.date(value).orElse(null);
	}

}
