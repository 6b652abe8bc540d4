package uk.safeguarding.workflow.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/** Valid reports and valid answers for every step, for tests to start from and vary. */
public final class JourneyFixtures {

	/** A name distinctive enough to search every engine table for. */
	public static final String DISTINCTIVE_NAME = "Zephyrine Quillfeather-Oduya";

	/**
	 * Who completes each step of an adult's journey with consent, to closure, in order
	 * (with {@link #answers(String)} at each).
	 */
	public static final String[][] ADULT_WITH_CONSENT = { { "officer", UserTasks.RECORD_CRIME },
			{ "supervisor", UserTasks.ALLOCATE_INVESTIGATOR }, { "supervisor", UserTasks.DEPLOY_VICTIM_LIAISON },
			{ "officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING }, { "liaison", UserTasks.ASSESS_VICTIM_NEEDS },
			{ "supervisor", UserTasks.AGREE_VICTIM_STRATEGY }, { "liaison", UserTasks.SEEK_INFORMED_CONSENT },
			{ "officer", UserTasks.SUBMIT_NRM_REFERRAL }, { "officer", UserTasks.RECORD_REASONABLE_GROUNDS_DECISION },
			{ "officer", UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION },
			{ "supervisor", UserTasks.REVIEW_CASE_CLOSURE } };

	private JourneyFixtures() {
	}

	/**
	 * The steps of {@link #ADULT_WITH_CONSENT} before the given one (all of them when it
	 * is null).
	 */
	public static List<String[]> adultWithConsentUntil(String step) {
		List<String[]> before = new ArrayList<>();
		for (String[] each : ADULT_WITH_CONSENT) {
			if (each[1].equals(step)) {
				break;
			}
			before.add(each);
		}
		return before;
	}

	public static Map<String, Object> adultReport() {
		Map<String, Object> report = new HashMap<>();
		report.put("areaCode", "W06000015");
		report.put("exploitationTypes", "LABOUR,CRIMINAL");
		report.put("ageUncertain", false);
		report.put("dateOfBirth", "1990-04-12");
		report.put("immediateRisk", false);
		report.put("careAndSupportNeeds", false);
		report.put("victimName", DISTINCTIVE_NAME);
		report.put("identifiedAt", "2026-11-20T09:30");
		report.put("gender", "FEMALE");
		report.put("nationality", "AL");
		report.put("circumstancesNotes", "Found at a car wash; " + DISTINCTIVE_NAME + " said her passport was taken.");
		return report;
	}

	public static Map<String, Object> childReport() {
		Map<String, Object> report = adultReport();
		report.put("dateOfBirth", LocalDate.now().minusYears(15).toString());
		return report;
	}

	public static Map<String, Object> answers(String step) {
		Map<String, Object> answers = new HashMap<>();
		switch (step) {
			case UserTasks.RECORD_IMMEDIATE_SAFEGUARDING -> {
				answers.put("placeOfSafetyArranged", true);
				answers.put("placeOfSafetyAddress", "Flat 3, 12 Hidden Lane, Cardiff");
				answers.put("separatedFromControllers", true);
				answers.put("furtherVictimsChecked", true);
				answers.put("interpreterArranged", "NOT_NEEDED");
				answers.put("safeguardingNotes", "Taken to a refuge.");
			}
			case UserTasks.RECORD_CRIME -> {
				answers.put("crimeReference", "CR/2026/001234");
				answers.put("crimeRecordedAt", "2026-11-20T11:00");
			}
			case UserTasks.ALLOCATE_INVESTIGATOR -> answers.put("investigator", "investigator");
			case UserTasks.DEPLOY_VICTIM_LIAISON -> {
				answers.put("liaisonRole", "MSVLO");
				answers.put("liaisonOfficer", "liaison");
			}
			case UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL -> {
				answers.put("childrensServicesReferralRoute", "MASH_PHONE");
				answers.put("childrensServicesReferredAt", "2026-11-20T12:00");
				answers.put("localAuthorityReference", "LA-5566");
			}
			case UserTasks.RECORD_STRATEGY_DISCUSSION -> {
				answers.put("strategyDiscussionHeldAt", "2026-11-20T15:00");
				answers.put("section47Enquiries", true);
				answers.put("agreedFirstResponder", "POLICE");
			}
			case UserTasks.AGREE_VICTIM_STRATEGY -> {
				answers.put("safeguardingPlanAgreed", true);
				answers.put("contactPlanAgreed", true);
				answers.put("contactFrequencyDays", 7);
				answers.put("specialMeasuresConsidered", true);
			}
			case UserTasks.ASSESS_VICTIM_NEEDS -> {
				answers.put("needsAssessmentCompleted", true);
				answers.put("referredToSupportServices", true);
			}
			case UserTasks.SEEK_INFORMED_CONSENT, UserTasks.REVISIT_CONSENT -> {
				for (String item : JourneyGuard.CONSENT_CHECKLIST) {
					answers.put(item, true);
				}
				answers.put("consentToPoliceContact", true);
				answers.put("consentToVictimCareSupport", true);
				answers.put("nrmConsent", "GIVEN");
			}
			case UserTasks.SUBMIT_NRM_REFERRAL -> {
				answers.put("nrmReference", "NRM-778899");
				answers.put("nrmSubmittedAt", "2026-11-21T10:00");
			}
			case UserTasks.SUBMIT_DUTY_TO_NOTIFY -> {
				answers.put("dutyToNotifyReference", "DTN-445566");
				answers.put("dutyToNotifySubmittedAt", "2026-11-21T10:00");
			}
			case UserTasks.ARRANGE_ALTERNATIVE_SUPPORT -> {
				answers.put("alternativeSupport", "VICTIM_SERVICES,HELPLINE");
				answers.put("helplineDetailsGiven", true);
			}
			case UserTasks.RECORD_REASONABLE_GROUNDS_DECISION -> {
				answers.put("reasonableGroundsDecision", "POSITIVE");
				answers.put("reasonableGroundsDecisionDate", LocalDate.now().minusDays(40).toString());
			}
			case UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION -> {
				answers.put("conclusiveGroundsDecision", "POSITIVE");
				answers.put("conclusiveGroundsDecisionDate", LocalDate.now().toString());
			}
			case UserTasks.CONSIDER_RECONSIDERATION -> answers.put("reconsiderationRequested", false);
			case UserTasks.CONDUCT_SUPERVISORY_REVIEW -> {
				answers.put("reviewOutcome", "CONTINUE");
				answers.put("closureRequested", false);
			}
			case UserTasks.REVIEW_CASE_CLOSURE -> {
				answers.put("closeCase", true);
				answers.put("closureReason", "CONCLUSIVE_DECISION");
			}
			case UserTasks.RESPOND_TO_MISSING_VICTIM -> {
				answers.put("missingPersonReportMade", true);
				answers.put("riskAssessedAs", "HIGH");
			}
			case UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE ->
				answers.put("competentAuthorityInformedAt", "2026-11-21T10:00");
			case UserTasks.SEEK_ADULT_SUPPORT_CONSENT -> answers.put("adultSupportConsent", "GIVEN");
			case UserTasks.REFER_DEPENDANT_CHILDREN -> {
				answers.put("dependantChildrenCount", 2);
				answers.put("dependantChildrenReferralRoute", "MASH_PHONE");
				answers.put("dependantChildrenReferredAt", "2026-11-20T12:00");
				answers.put("dependantChildrenLaReference", "LA-7788");
			}
			case UserTasks.CONDUCT_RETURN_INTERVIEW -> {
				answers.put("returnInterviewOffered", true);
				answers.put("returnInterviewHeld", true);
				answers.put("returnInterviewBy", "LOCAL_AUTHORITY");
			}
			case UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL ->
				answers.put("competentAuthorityToldAt", "2026-11-22T10:00");
			default -> {
			}
		}
		return answers;
	}

	/** The people of the demo run, one per group, without passwords that matter. */
	public static void createPeople(ProcessEngine engine) {
		var identity = engine.getIdentityService();
		String[][] people = { { "officer", Groups.FIRST_RESPONDERS }, { "liaison", Groups.VICTIM_LIAISON },
				{ "supervisor", Groups.SUPERVISORS }, { "investigator", Groups.INVESTIGATORS },
				{ "manager", Groups.MANAGERS } };
		for (String group : Groups.ALL) {
			if (identity.createGroupQuery().groupId(group).count() == 0) {
				identity.saveGroup(identity.newGroup(group));
			}
		}
		for (String[] person : people) {
			if (identity.createUserQuery().userId(person[0]).count() == 0) {
				User user = identity.newUser(person[0]);
				user.setPassword("Not-a-real-Pa55word");
				user.setEmail(person[0] + "@police.example.org");
				identity.saveUser(user);
				identity.createMembership(person[0], person[1]);
			}
		}
	}

}
