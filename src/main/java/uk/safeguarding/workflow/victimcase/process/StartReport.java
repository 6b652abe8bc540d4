package uk.safeguarding.workflow.victimcase.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import uk.safeguarding.workflow.nrm.Countries;
import uk.safeguarding.workflow.process.FormValues;
import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.StepForms;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.victimcase.NewCase;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;

/**
 * The start form's values (or a REST start's variables), checked on the server with a
 * specific message for each problem.
 */
public record StartReport(NewCase newCase, String exploitationTypes, String indicatorsSeen, boolean interpreterNeeded,
		boolean mayBeUnder18) {

	static final Pattern ONS_CODE = SafeguardingArea.AREA_CODE;

	static final Set<String> EXPLOITATION_TYPES = Set.of("SEXUAL", "LABOUR", "CRIMINAL", "DOMESTIC_SERVITUDE",
			"ORGAN_HARVESTING", "OTHER");

	static final Set<String> INDICATORS = Set.of("RESTRICTED_MOVEMENT", "NO_ID_DOCUMENTS", "DEBT_BONDAGE",
			"SIGNS_OF_ABUSE", "CONTROLLED_BY_OTHERS", "POOR_LIVING_CONDITIONS", "FEAR_OF_AUTHORITIES",
			"NO_ACCESS_TO_EARNINGS", "OTHER");

	/**
	 * The journey's starter, which the engine sets from the login (camunda:initiator).
	 */
	static final Set<String> SET_BY_THE_ENGINE = Set.of(Variables.REPORTING_OFFICER);

	public static StartReport read(VariableScope variables, String reportingOfficer, String processInstanceId,
			Instant now) {
		FormValues form = new FormValues(variables);
		form.refuseUnsafeText();
		// the report carries only the answers of its start form: a stated pathway, or
		// any other value the journey steers by, is worked out by the server; personal
		// details the form has no place for would be kept nowhere
		List<String> unexpected = unexpected(variables);
		if (!unexpected.isEmpty()) {
			throw new SafeguardingRuleViolation(unexpected.get(0),
					"A report carries only the answers of its start form; not accepted: "
							+ String.join(", ", unexpected)
							+ ". The pathway and every other value that steers the journey are worked out by the product; put anything else in circumstancesNotes.");
		}
		String areaCode = form.requiredMatching(Variables.AREA_CODE, "The local authority area code", ONS_CODE,
				"an ONS code: E or W followed by 8 digits, e.g. W06000015");
		String types = form.requiredList(Variables.EXPLOITATION_TYPES, "Exploitation types", EXPLOITATION_TYPES);
		String indicators = form.optionalList(Variables.INDICATORS_SEEN, "Indicators seen", INDICATORS);
		boolean ageUncertain = form.requiredBoolean(Variables.AGE_UNCERTAIN, "Whether the age is uncertain");
		Boolean mayBeUnder18 = null;
		if (ageUncertain) {
			mayBeUnder18 = form.requiredBoolean(Variables.MAY_BE_UNDER_18,
					"When the age is uncertain, whether the person may be under 18");
		}
		else if (form.has(Variables.MAY_BE_UNDER_18)) {
			mayBeUnder18 = form.requiredBoolean(Variables.MAY_BE_UNDER_18, "Whether the person may be under 18");
		}
		LocalDate dateOfBirth = form.optionalPastDate(Variables.DATE_OF_BIRTH, "The date of birth");
		Integer estimatedAge = form.optionalInteger(Variables.ESTIMATED_AGE, "The estimated age", 0, 120);
		if (!ageUncertain && dateOfBirth == null && estimatedAge == null) {
			// without any of them the pathway would rest on nothing (MSA 2015 s51)
			throw new SafeguardingRuleViolation(Variables.DATE_OF_BIRTH,
					"Give at least one of: the date of birth (dateOfBirth), an estimated age (estimatedAge), or that the age is uncertain (ageUncertain) with whether the person may be under 18 (mayBeUnder18).");
		}
		boolean immediateRisk = form.requiredBoolean(Variables.IMMEDIATE_RISK, "Whether there is immediate risk");
		boolean careAndSupportNeeds = form.requiredBoolean(Variables.CARE_AND_SUPPORT_NEEDS,
				"Whether the adult may have care and support needs");
		String language = form.optionalText(Variables.INTERPRETER_LANGUAGE, "The interpreter's language", 100);
		boolean interpreterNeeded = form.optionalBoolean(Variables.INTERPRETER_NEEDED,
				"Whether an interpreter is needed", language != null && !language.isEmpty());
		if (interpreterNeeded && (language == null || language.isEmpty())) {
			throw new SafeguardingRuleViolation(Variables.INTERPRETER_LANGUAGE,
					"An interpreter is needed: give the language (interpreterLanguage).");
		}
		String name = form.requiredText(Variables.VICTIM_NAME, "The person's name or alias", 200);
		Instant identifiedAt = form.optionalPastInstant(Variables.IDENTIFIED_AT, "When the person was identified");
		form.optionalChoice(Variables.HOW_CAME_TO_NOTICE, "How the person came to notice",
				Set.of("DIRECT_REPORT", "POLICE_DISCOVERY", "AGENCY_REFERRAL", "OTHER_FIRST_RESPONDER_NRM",
						"COMPETENT_AUTHORITY", "PLANNED_OPERATION"));
		String gender = form.optionalChoice("gender", "Gender", Set.of("FEMALE", "MALE", "OTHER", "NOT_KNOWN"));
		// coded, never free text: a Duty to Notify report stays anonymous (s52(3))
		String nationality = optionalCountry(form, "nationality", "Nationality");
		String location = form.optionalChoice("exploitationLocation", "Where the exploitation happened",
				Set.of("UK", "OVERSEAS", "UK_AND_OVERSEAS"));
		String place = optionalPlace(form);
		String period = form.optionalChoice("exploitationPeriod", "Approximate period of exploitation",
				Set.of("UNDER_1_MONTH", "1_TO_6_MONTHS", "6_TO_12_MONTHS", "OVER_12_MONTHS", "NOT_KNOWN"));
		String notes = form.optionalText("circumstancesNotes", "Circumstances", 4000);
		form.optionalBoolean("dependantChildrenPresent", "Dependant children present", false);
		form.optionalBoolean("otherVictimsPresent", "Other potential victims present", false);
		NewCase newCase = new NewCase(areaCode, name, dateOfBirth, estimatedAge, ageUncertain, mayBeUnder18,
				immediateRisk, careAndSupportNeeds, language, gender, nationality, types, location, place, period,
				(identifiedAt != null) ? identifiedAt : now, reportingOfficer, notes, processInstanceId);
		return new StartReport(newCase, types, indicators, interpreterNeeded, Boolean.TRUE.equals(mayBeUnder18));
	}

	/**
	 * The variables of a start that are not answers of the deployed start form. Outside a
	 * running engine (a plain variable map) there is no form to compare with.
	 */
	static List<String> unexpected(VariableScope variables) {
		if (!(variables instanceof DelegateExecution execution)) {
			return List.of();
		}
		Set<String> allowed = StepForms.ofStart(execution.getProcessEngineServices().getFormService(),
				execution.getProcessDefinitionId());
		return variables.getVariableNames()
			.stream()
			.filter((name) -> !allowed.contains(name) && !SET_BY_THE_ENGINE.contains(name))
			.sorted()
			.toList();
	}

	private static String optionalCountry(FormValues form, String field, String label) {
		String code = form.optionalText(field, label, 100);
		if (code == null || code.isEmpty()) {
			return null;
		}
		if (!Countries.isCountry(code)) {
			throw new SafeguardingRuleViolation(field,
					label + " must be a country's ISO 3166 code from the list, e.g. AL for Albania or RO for Romania ("
							+ field + "); never free text.");
		}
		return code;
	}

	/**
	 * Where the exploitation happened: a UK local authority area (its ONS code; the
	 * directory is checked when the case opens) or a country (ISO 3166 code).
	 */
	private static String optionalPlace(FormValues form) {
		String code = form.optionalText("exploitationPlace", "Area or country of exploitation", 100);
		if (code == null || code.isEmpty()) {
			return null;
		}
		if (!ONS_CODE.matcher(code).matches() && !Countries.isCountry(code)) {
			throw new SafeguardingRuleViolation("exploitationPlace",
					"The area or country of exploitation must be a UK local authority area's ONS code (e.g. W06000015) or a country's ISO 3166 code (e.g. RO) (exploitationPlace); never free text.");
		}
		return code;
	}

}
