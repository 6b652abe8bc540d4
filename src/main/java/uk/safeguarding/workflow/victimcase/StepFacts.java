package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Which facts each completed step writes into the case record. */
final class StepFacts {

	private static final Map<String, List<String>> SHOWN = Map.ofEntries(
			Map.entry("UserTask_RecordCrime", List.of("crimeReference")),
			Map.entry("UserTask_AllocateInvestigator", List.of("investigator")),
			Map.entry("UserTask_DeployVictimLiaison", List.of("liaisonRole", "liaisonOfficer")),
			Map.entry("UserTask_RecordChildrensServicesReferral",
					List.of("childrensServicesReferralRoute", "localAuthorityReference")),
			Map.entry("UserTask_RecordStrategyDiscussion", List.of("agreedFirstResponder", "section47Enquiries")),
			Map.entry("UserTask_SeekInformedConsent", List.of("nrmConsent")),
			Map.entry("UserTask_RevisitConsent", List.of("nrmConsent")),
			Map.entry("UserTask_SubmitNrmReferral", List.of("nrmReference")),
			Map.entry("UserTask_SubmitDutyToNotify", List.of("dutyToNotifyReference")),
			Map.entry("UserTask_RecordReasonableGroundsDecision",
					List.of("reasonableGroundsDecision", "reasonableGroundsDecisionDate")),
			Map.entry("UserTask_RecordConclusiveGroundsDecision",
					List.of("conclusiveGroundsDecision", "conclusiveGroundsDecisionDate", "conclusiveDecisionFlagged")),
			Map.entry("UserTask_ConsiderReconsideration", List.of("reconsiderationRequested")),
			Map.entry("UserTask_ConductSupervisoryReview", List.of("reviewOutcome", "closureRequested")),
			Map.entry("UserTask_ReviewCaseClosure", List.of("closeCase", "closureReason")),
			Map.entry("UserTask_RespondToMissingVictim", List.of("riskAssessedAs", "missingPersonReference")),
			Map.entry("UserTask_SeekAdultSupportConsent", List.of("adultSupportConsent")),
			Map.entry("UserTask_ReferDependantChildren",
					List.of("dependantChildrenCount", "dependantChildrenReferralRoute",
							"dependantChildrenLaReference")),
			Map.entry("UserTask_ConductReturnInterview",
					List.of("returnInterviewOffered", "returnInterviewHeld", "returnInterviewBy")));

	private StepFacts() {
	}

	static String summary(String step, Map<String, Object> facts) {
		List<String> keys = SHOWN.getOrDefault(step, List.of());
		String shown = keys.stream()
			.filter((key) -> facts.get(key) != null)
			.map((key) -> key + " " + facts.get(key))
			.collect(Collectors.joining(", "));
		return shown.isEmpty() ? "" : ": " + shown;
	}

	static void apply(VictimCase record, String step, Map<String, Object> facts, Map<String, Object> caseRecordOnly,
			String actor, Instant now) {
		switch (step) {
			case "UserTask_RecordImmediateSafeguarding" ->
				record.setPlaceOfSafetyAddress(text(caseRecordOnly.get("placeOfSafetyAddress")));
			case "UserTask_RecordCrime" -> record.setCrimeReference(text(facts.get("crimeReference")));
			case "UserTask_AllocateInvestigator" -> {
				record.setInvestigator(text(facts.get("investigator")));
				supervise(record, actor);
			}
			case "UserTask_DeployVictimLiaison" -> {
				record.setLiaisonOfficer(text(facts.get("liaisonOfficer")));
				record.setLiaisonRole(text(facts.get("liaisonRole")));
				record.setVictimNavigatorName(text(caseRecordOnly.get("victimNavigatorName")));
				record.setVictimNavigatorOrganisation(text(facts.get("victimNavigatorOrganisation")));
				supervise(record, actor);
			}
			case "UserTask_RecordChildrensServicesReferral" ->
				record.setLocalAuthorityReference(text(facts.get("localAuthorityReference")));
			case "UserTask_SeekInformedConsent", "UserTask_RevisitConsent" -> {
				String explainedBy = Objects.requireNonNullElse(text(facts.get("consentExplainedBy")), actor);
				record.addConsent(now, text(facts.get("nrmConsent")), explainedBy,
						Boolean.TRUE.equals(facts.get("professionalInterpreterUsed")), step);
			}
			case "UserTask_SeekAdultSupportConsent" ->
				record.addConsent(now, "ADULT_SUPPORT_" + text(facts.get("adultSupportConsent")), actor,
						Boolean.TRUE.equals(facts.get("professionalInterpreterUsed")), step);
			case "UserTask_SubmitNrmReferral" -> {
				record.setNrmReference(text(facts.get("nrmReference")));
				record.setNrmSubmittedAt(instant(facts.get("nrmSubmittedAt"), now));
			}
			case "UserTask_SubmitDutyToNotify" ->
				record.setDutyToNotifyReference(text(facts.get("dutyToNotifyReference")));
			case "UserTask_RecordReasonableGroundsDecision" -> {
				record.setReasonableGroundsDecision(text(facts.get("reasonableGroundsDecision")));
				record.setReasonableGroundsDecisionDate(date(facts.get("reasonableGroundsDecisionDate")));
			}
			case "UserTask_RecordConclusiveGroundsDecision" -> {
				record.setConclusiveGroundsDecision(text(facts.get("conclusiveGroundsDecision")));
				record.setConclusiveGroundsDecisionDate(date(facts.get("conclusiveGroundsDecisionDate")));
				record.setConclusiveDecisionFlagged(Boolean.TRUE.equals(facts.get("conclusiveDecisionFlagged")));
			}
			case "UserTask_ReviewCaseClosure" -> {
				if (Boolean.TRUE.equals(facts.get("closeCase"))) {
					record.setStatus("CLOSED");
					record.setClosedAt(now);
					Object years = facts.get("retentionReviewYears");
					record.setRetentionReviewDate(
							VictimCaseService.retentionReviewDate(now, (years instanceof Number n) ? n.intValue() : 6));
				}
			}
			default -> {
				// the chronology entry is the record of this step
			}
		}
	}

	private static void supervise(VictimCase record, String actor) {
		if (record.getSupervisor() == null) {
			record.setSupervisor(actor);
		}
	}

	private static String text(Object value) {
		return (value == null) ? null : String.valueOf(value);
	}

	private static Instant instant(Object value, Instant fallback) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		return fallback;
	}

	private static LocalDate date(Object value) {
		if (value instanceof String text && text.length() >= 10) {
			return LocalDate.parse(text.substring(0, 10));
		}
		return null;
	}

}
