package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import uk.safeguarding.workflow.process.Step;
import uk.safeguarding.workflow.process.Step.CaseRecordAction;
import uk.safeguarding.workflow.process.Steps;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Turns what a completed step's entry ({@link Steps}) says it records into the case
 * record's behaviour: the named answers into the {@link VictimCase} method that records
 * them (one fact may take several answers, such as a decision and its date), and its
 * actions (consent ledger, supervisor, closure). No step is named here: a new step's
 * entry says what it records, and an answer it names needs a fact below and a method on
 * {@link VictimCase} that keeps the fact's rule.
 */
final class StepFacts {

	/** What the case record does with a step's answers, by the answers it takes. */
	record Fact(Set<String> answers, BiConsumer<VictimCase, Answers> records) {
	}

	/** The answers of one completed step, as the case record reads them. */
	record Answers(Map<String, Object> facts, Map<String, Object> caseRecordOnly) {

		Object get(String name) {
			return this.caseRecordOnly.containsKey(name) ? this.caseRecordOnly.get(name) : this.facts.get(name);
		}

		String text(String name) {
			Object value = get(name);
			return (value == null) ? null : String.valueOf(value);
		}

		Instant instant(String name) {
			return (get(name) instanceof Date date) ? date.toInstant() : null;
		}

		LocalDate date(String name) {
			return JourneyTime.date(get(name)).orElse(null);
		}

		GroundsDecision decision(String name) {
			String value = text(name);
			return (value == null) ? null : GroundsDecision.valueOf(value);
		}

		boolean yes(String name) {
			return Boolean.TRUE.equals(get(name));
		}

	}

	static final List<Fact> FACTS = List
		.of(fact((record, a) -> record.recordPlaceOfSafety(a.text("placeOfSafetyAddress")), "placeOfSafetyAddress"),
				fact((record, a) -> record.recordCrimeReference(a.text("crimeReference")), "crimeReference"),
				fact((record, a) -> record.assignInvestigator(a.text("investigator")), "investigator"), fact(
						(record, a) -> record.deployLiaison(a.text("liaisonOfficer"), a.text("liaisonRole"),
								a.text("victimNavigatorName"), a.text("victimNavigatorOrganisation")),
						"liaisonOfficer", "liaisonRole", "victimNavigatorName", "victimNavigatorOrganisation"),
				fact((record, a) -> record.recordLocalAuthorityReference(a.text("localAuthorityReference")),
						"localAuthorityReference"),
				fact((record,
						a) -> record.recordNrmReferral(a.text("nrmReference"), a.instant("nrmSubmittedAt")),
						"nrmReference", "nrmSubmittedAt"),
				fact((record, a) -> record.recordDutyToNotify(a.text("dutyToNotifyReference")),
						"dutyToNotifyReference"),
				fact((record, a) -> record.recordReasonableGrounds(a.decision("reasonableGroundsDecision"),
						a.date("reasonableGroundsDecisionDate")), "reasonableGroundsDecision",
						"reasonableGroundsDecisionDate"),
				fact((record, a) -> record.recordConclusiveGrounds(a.decision("conclusiveGroundsDecision"),
						a.date("conclusiveGroundsDecisionDate"), a.yes("conclusiveDecisionFlagged")),
						"conclusiveGroundsDecision", "conclusiveGroundsDecisionDate", "conclusiveDecisionFlagged"));

	private StepFacts() {
	}

	private static Fact fact(BiConsumer<VictimCase, Answers> records, String... answers) {
		return new Fact(Set.of(answers), records);
	}

	/** Every answer a step may record: the answers of the facts above. */
	static Set<String> recordable() {
		return FACTS.stream().flatMap((fact) -> fact.answers().stream()).collect(Collectors.toSet());
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
		Answers answers = new Answers(facts, caseRecordOnly);
		Set<Fact> due = new LinkedHashSet<>();
		for (String field : step.recorded()) {
			Fact fact = FACTS.stream()
				.filter((candidate) -> candidate.answers().contains(field))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Step " + stepId + " records '" + field
						+ "', which the case record has no fact for (StepFacts.FACTS)"));
			due.add(fact);
		}
		due.forEach((fact) -> fact.records().accept(record, answers));
		for (CaseRecordAction action : step.actions()) {
			switch (action) {
				case SUPERVISES -> record.superviseIfUnsupervised(actor);
				case NRM_CONSENT -> {
					String explainedBy = Objects.requireNonNullElse(answers.text("consentExplainedBy"), actor);
					record.recordNrmConsent(now, ConsentOutcome.nrm(answers.text("nrmConsent")), explainedBy,
							answers.yes("professionalInterpreterUsed"), stepId);
				}
				case ADULT_SUPPORT_CONSENT -> record.recordAdultSupportConsent(now,
						ConsentOutcome.adultSupport(answers.text("adultSupportConsent")), actor,
						answers.yes("professionalInterpreterUsed"), stepId);
				case CLOSES -> close(record, answers, now);
			}
		}
	}

	private static void close(VictimCase record, Answers answers, Instant now) {
		if (!answers.yes("closeCase")) {
			return;
		}
		Object years = answers.get("retentionReviewYears");
		record.close(now, ClosureReason.valueOf(answers.text("closureReason")),
				truncate(answers.text("openItemsSummary"), 500),
				VictimCaseService.retentionReviewDate(now, (years instanceof Number n) ? n.intValue() : 6));
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
