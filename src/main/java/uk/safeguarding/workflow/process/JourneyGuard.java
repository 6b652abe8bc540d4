package uk.safeguarding.workflow.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Pathway;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * The hard gates of spec section 3 and the validation of every step, enforced on the
 * server when a task completes, whoever completes it (Tasklist form or REST). It also
 * keeps the flags the gateways read. Runs before any other completion listener; a refusal
 * rolls the whole completion back.
 */
public class JourneyGuard implements TaskListener {

	static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{3,29}");

	static final Set<String> CONSENT_OUTCOMES = Set.of("GIVEN", "DECLINED", "UNDECIDED");

	static final Set<String> DECISIONS = Set.of("POSITIVE", "NEGATIVE");

	/** The informed-consent checklist (spec section 2, step 5). */
	public static final List<String> CONSENT_CHECKLIST = List.of("nrmExplained", "supportExplained",
			"outcomesExplained", "informationSharingExplained", "withdrawalExplained", "capacityConsidered");

	/** Answers of an earlier consent conversation that must not pre-fill the next one. */
	static final List<String> CONSENT_ANSWERS = List.of("nrmConsent", "professionalInterpreterUsed",
			"consentToPoliceContact", "consentToVictimCareSupport", "consentExplainedBy");

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			created(task);
			return;
		}
		FormValues form = new FormValues(task);
		form.refuseUnsafeText();
		switch (task.getTaskDefinitionKey()) {
			case UserTasks.RECORD_IMMEDIATE_SAFEGUARDING -> immediateSafeguarding(form);
			case UserTasks.RECORD_CRIME -> crime(form);
			case UserTasks.ALLOCATE_INVESTIGATOR -> allocateInvestigator(task, form);
			case UserTasks.DEPLOY_VICTIM_LIAISON -> deployVictimLiaison(task, form);
			case UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL -> childrensServicesReferral(task, form);
			case UserTasks.RECORD_STRATEGY_DISCUSSION -> strategyDiscussion(form);
			case UserTasks.AGREE_VICTIM_STRATEGY -> victimStrategy(form);
			case UserTasks.SEEK_INFORMED_CONSENT, UserTasks.REVISIT_CONSENT -> consent(task, form);
			case UserTasks.SUBMIT_NRM_REFERRAL -> nrmReferral(task, form);
			case UserTasks.SUBMIT_DUTY_TO_NOTIFY -> dutyToNotify(task, form);
			case UserTasks.RECORD_REASONABLE_GROUNDS_DECISION -> reasonableGrounds(task, form);
			case UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION -> conclusiveGrounds(task, form);
			case UserTasks.CONSIDER_RECONSIDERATION -> reconsideration(form);
			case UserTasks.CONDUCT_SUPERVISORY_REVIEW -> supervisoryReview(task, form);
			case UserTasks.REVIEW_CASE_CLOSURE ->
				form.requiredBoolean(Variables.CLOSE_CASE, "Whether to close the case");
			case UserTasks.RESPOND_TO_MISSING_VICTIM -> missing(form);
			case UserTasks.SEEK_ADULT_SUPPORT_CONSENT ->
				form.requiredChoice("adultSupportConsent", "The answer on adult support", CONSENT_OUTCOMES);
			case UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE ->
				form.requiredPastInstant("competentAuthorityInformedAt", "When the competent authority was told");
			case UserTasks.REFER_DEPENDANT_CHILDREN -> dependantChildren(form);
			case UserTasks.CONDUCT_RETURN_INTERVIEW -> returnInterview(form);
			case UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL ->
				form.requiredPastInstant("competentAuthorityToldAt", "When the competent authority was told");
			default -> {
				// steps without rules of their own
			}
		}
	}

	/**
	 * A new consent conversation starts blank: Tasklist pre-fills a form from the process
	 * variables of the same name, and the person must be asked again, not shown the last
	 * answers.
	 */
	private void created(DelegateTask task) {
		String step = task.getTaskDefinitionKey();
		if (UserTasks.SEEK_INFORMED_CONSENT.equals(step) || UserTasks.REVISIT_CONSENT.equals(step)) {
			for (String name : CONSENT_CHECKLIST) {
				task.removeVariable(name);
			}
			for (String name : CONSENT_ANSWERS) {
				task.removeVariable(name);
			}
		}
	}

	private void immediateSafeguarding(FormValues form) {
		form.requiredBoolean("placeOfSafetyArranged", "Whether a place of safety was arranged");
		form.requiredBoolean("separatedFromControllers", "Whether the person was separated from suspected controllers");
		form.requiredBoolean("furtherVictimsChecked", "Whether further victims were checked for");
		String interpreter = form.requiredChoice("interpreterArranged", "Interpreter",
				Set.of("PROFESSIONAL", "NOT_NEEDED"));
		if (form.optionalBoolean(Variables.INTERPRETER_NEEDED, "Interpreter needed", false)
				&& !"PROFESSIONAL".equals(interpreter)) {
			throw new SafeguardingRuleViolation("interpreterArranged",
					"An interpreter is needed: use a professional interpreter, never family or associates.");
		}
	}

	private void crime(FormValues form) {
		form.requiredMatching(Variables.CRIME_REFERENCE, "Crime reference", REFERENCE,
				"4 to 30 letters, digits, '/' or '-'");
		form.requiredPastInstant("crimeRecordedAt", "When the crime was recorded");
	}

	private void allocateInvestigator(DelegateTask task, FormValues form) {
		String investigator = form.requiredText(Variables.INVESTIGATOR, "Investigator", 64);
		IdentityService identity = task.getProcessEngineServices().getIdentityService();
		boolean accredited = identity.createUserQuery()
			.userId(investigator)
			.memberOfGroup(Groups.INVESTIGATORS)
			.count() == 1;
		if (!accredited) {
			throw new SafeguardingRuleViolation(Variables.INVESTIGATOR, "User '" + investigator
					+ "' cannot be allocated: only a PIP2 (or higher) accredited investigator in the 'investigators' group can investigate modern slavery.");
		}
		task.setVariable(Variables.CASE_SUPERVISOR, currentUser(task));
	}

	private void deployVictimLiaison(DelegateTask task, FormValues form) {
		form.requiredChoice("liaisonRole", "Liaison role", Set.of("MSVLO", "POLICE_SPOC"));
		String officer = form.requiredText(Variables.LIAISON_OFFICER, "Liaison officer", 64);
		IdentityService identity = task.getProcessEngineServices().getIdentityService();
		boolean known = identity.createUserQuery().userId(officer).memberOfGroup(Groups.VICTIM_LIAISON).count() == 1
				|| identity.createUserQuery().userId(officer).memberOfGroup(Groups.FIRST_RESPONDERS).count() == 1;
		if (!known) {
			throw new SafeguardingRuleViolation(Variables.LIAISON_OFFICER, "User '" + officer
					+ "' cannot be deployed: choose an MSVLO in 'victim-liaison' or a police SPOC in 'first-responders'.");
		}
		if (task.getVariable(Variables.CASE_SUPERVISOR) == null) {
			task.setVariable(Variables.CASE_SUPERVISOR, currentUser(task));
		}
		// the chosen officer becomes the assignee of the liaison tasks already waiting
		TaskService tasks = task.getProcessEngineServices().getTaskService();
		List<Task> waiting = tasks.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskCandidateGroup(Groups.VICTIM_LIAISON)
			.taskUnassigned()
			.list();
		for (Task liaisonTask : waiting) {
			tasks.setAssignee(liaisonTask.getId(), officer);
		}
	}

	private void childrensServicesReferral(DelegateTask task, FormValues form) {
		form.requiredChoice("childrensServicesReferralRoute", "How the referral was made",
				Set.of("MASH_PHONE", "MASH_ONLINE_FORM", "MASH_SECURE_EMAIL", "IN_PERSON"));
		form.requiredPastInstant("childrensServicesReferredAt", "When children's services were told");
		task.setVariable(Variables.CHILDRENS_SERVICES_NOTIFIED, true);
	}

	private void strategyDiscussion(FormValues form) {
		form.requiredPastInstant("strategyDiscussionHeldAt", "When the strategy discussion was held");
		form.requiredBoolean("section47Enquiries", "Whether section 47 enquiries will be made");
		form.requiredChoice(Variables.AGREED_FIRST_RESPONDER, "Agreed first responder",
				Set.of("POLICE", "LOCAL_AUTHORITY", "OTHER"));
	}

	private void victimStrategy(FormValues form) {
		if (!form.requiredBoolean("safeguardingPlanAgreed", "The safeguarding plan")
				|| !form.requiredBoolean("contactPlanAgreed", "The contact plan")) {
			throw new SafeguardingRuleViolation("safeguardingPlanAgreed",
					"A victim strategy needs an agreed safeguarding plan and contact plan.");
		}
		form.optionalInteger("contactFrequencyDays", "Contact frequency in days", 1, 90);
	}

	private void consent(DelegateTask task, FormValues form) {
		if (Pathway.CHILD.equals(task.getVariable(Variables.PATHWAY))) {
			throw new SafeguardingRuleViolation(Variables.NRM_CONSENT,
					"A child is never asked for consent: children are always referred to the NRM.");
		}
		String outcome = form.requiredChoice(Variables.NRM_CONSENT, "The consent outcome", CONSENT_OUTCOMES);
		boolean interpreterNeeded = form.optionalBoolean(Variables.INTERPRETER_NEEDED, "Interpreter needed", false);
		if (interpreterNeeded && !"UNDECIDED".equals(outcome)
				&& !form.optionalBoolean("professionalInterpreterUsed", "Professional interpreter", false)) {
			throw new SafeguardingRuleViolation("professionalInterpreterUsed",
					"An interpreter is needed: consent can only be recorded through a professional interpreter, never family or associates.");
		}
		if ("GIVEN".equals(outcome)) {
			List<String> missing = CONSENT_CHECKLIST.stream()
				.filter((item) -> !form.optionalBoolean(item, item, false))
				.toList();
			if (!missing.isEmpty()) {
				throw new SafeguardingRuleViolation(missing.get(0),
						"Consent cannot be recorded as GIVEN until every item of the checklist is confirmed; still to confirm: "
								+ String.join(", ", missing) + ".");
			}
		}
		if ("UNDECIDED".equals(outcome)) {
			Object contacts = task.getVariable(Variables.UNDECIDED_CONTACTS);
			int count = (contacts instanceof Number number) ? number.intValue() : 0;
			task.setVariable(Variables.UNDECIDED_CONTACTS, count + 1);
		}
		if (!"GIVEN".equals(outcome)) {
			// the revisit deadline counts from the last time the offer was left open:
			// a decline, or an undecided answer (at the undecided limit, or at a revisit)
			task.setVariable(Variables.CONSENT_DECLINED_AT, Date.from(FormValues.now()));
		}
	}

	private void nrmReferral(DelegateTask task, FormValues form) {
		String pathway = (String) task.getVariable(Variables.PATHWAY);
		if (Pathway.ADULT.equals(pathway) && !"GIVEN".equals(task.getVariable(Variables.NRM_CONSENT))) {
			throw new SafeguardingRuleViolation(Variables.NRM_REFERENCE,
					"An adult is never referred to the NRM without recorded informed consent; make a Duty to Notify report instead.");
		}
		if (Pathway.CHILD.equals(pathway)
				&& !Boolean.TRUE.equals(task.getVariable(Variables.CHILDRENS_SERVICES_NOTIFIED))) {
			throw new SafeguardingRuleViolation(Variables.NRM_REFERENCE,
					"A child's NRM referral cannot be submitted before children's services know of the child.");
		}
		form.requiredMatching(Variables.NRM_REFERENCE, "NRM reference", REFERENCE,
				"4 to 30 letters, digits, '/' or '-'");
		Instant submitted = form.requiredPastInstant(Variables.NRM_SUBMITTED_AT, "When the referral was submitted");
		form.optionalChoice("nrmSubmittedByAgency", "Submitting agency", Set.of("POLICE", "LOCAL_AUTHORITY", "OTHER"));
		task.setVariable(Variables.NRM_SUBMITTED, true);
		task.setVariable(Variables.NRM_SUBMITTED_AT, Date.from(submitted));
	}

	private void dutyToNotify(DelegateTask task, FormValues form) {
		if (!Pathway.ADULT.equals(task.getVariable(Variables.PATHWAY))) {
			throw new SafeguardingRuleViolation(Variables.DUTY_TO_NOTIFY_REFERENCE,
					"A child cannot be reported through the Duty to Notify: children are always referred to the NRM.");
		}
		form.requiredMatching(Variables.DUTY_TO_NOTIFY_REFERENCE, "Duty to Notify reference", REFERENCE,
				"4 to 30 letters, digits, '/' or '-'");
		form.requiredPastInstant("dutyToNotifySubmittedAt", "When the report was submitted");
		task.setVariable(Variables.DUTY_TO_NOTIFY_SUBMITTED, true);
	}

	private void reasonableGrounds(DelegateTask task, FormValues form) {
		String decision = form.requiredChoice(Variables.REASONABLE_GROUNDS_DECISION, "The reasonable grounds decision",
				DECISIONS);
		LocalDate date = form.requiredPastDate(Variables.REASONABLE_GROUNDS_DECISION_DATE, "The decision date");
		form.optionalChoice("competentAuthority", "Competent authority", Set.of("SCA", "IECA", "DEVOLVED_PANEL"));
		if ("NEGATIVE".equals(decision)) {
			negative(task, "REASONABLE_GROUNDS", date);
		}
	}

	private void conclusiveGrounds(DelegateTask task, FormValues form) {
		String decision = form.requiredChoice(Variables.CONCLUSIVE_GROUNDS_DECISION, "The conclusive grounds decision",
				DECISIONS);
		LocalDate date = form.requiredPastDate(Variables.CONCLUSIVE_GROUNDS_DECISION_DATE, "The decision date");
		Object rg = task.getVariable(Variables.REASONABLE_GROUNDS_DECISION_DATE);
		boolean early = rg != null
				&& date.isBefore(FormValues.parseDate("reasonableGroundsDecisionDate", "RG date", rg).plusDays(30));
		// accepted whenever it arrives; a date inside the 30-day recovery period is
		// flagged for checking
		task.setVariable(Variables.CONCLUSIVE_DECISION_FLAGGED, early);
		if ("NEGATIVE".equals(decision)) {
			negative(task, "CONCLUSIVE_GROUNDS", date);
		}
	}

	private static void negative(DelegateTask task, String which, LocalDate date) {
		task.setVariable(Variables.LATEST_NEGATIVE_DECISION, which);
		task.setVariable(Variables.LATEST_NEGATIVE_DECISION_DATE,
				Date.from(date.atStartOfDay(FormValues.LONDON).toInstant()));
	}

	private void reconsideration(FormValues form) {
		form.requiredBoolean(Variables.RECONSIDERATION_REQUESTED, "Whether reconsideration is requested");
	}

	private void supervisoryReview(DelegateTask task, FormValues form) {
		form.requiredChoice("reviewOutcome", "Review outcome", Set.of("CONTINUE", "ACTION_REQUIRED"));
		task.setVariable(Variables.CLOSURE_REQUESTED,
				form.optionalBoolean(Variables.CLOSURE_REQUESTED, "Closure requested", false));
		task.setVariable(Variables.LAST_REVIEW_AT, Date.from(FormValues.now()));
	}

	private void missing(FormValues form) {
		form.requiredBoolean("missingPersonReportMade", "Whether a missing person report was made");
		form.requiredChoice("riskAssessedAs", "Risk assessed as", Set.of("HIGH", "MEDIUM", "LOW"));
	}

	private void dependantChildren(FormValues form) {
		if (form.optionalInteger("dependantChildrenCount", "How many dependant children", 1, 20) == null) {
			throw new SafeguardingRuleViolation("dependantChildrenCount", "Say how many dependant children there are.");
		}
		form.requiredChoice("dependantChildrenReferralRoute", "How the referral was made",
				Set.of("MASH_PHONE", "MASH_ONLINE_FORM", "MASH_SECURE_EMAIL", "IN_PERSON"));
		form.requiredPastInstant("dependantChildrenReferredAt", "When the children were referred");
		if (form.has("dependantChildrenLaReference")) {
			form.requiredMatching("dependantChildrenLaReference", "Local authority reference",
					Pattern.compile("[A-Za-z0-9/\\-]{1,30}"), "up to 30 letters, digits, '/' or '-'");
		}
	}

	private void returnInterview(FormValues form) {
		boolean offered = form.requiredBoolean("returnInterviewOffered", "Whether a return interview was offered");
		if (offered && form.requiredBoolean("returnInterviewHeld", "Whether the interview took place")) {
			form.requiredChoice("returnInterviewBy", "Who held the interview",
					Set.of("POLICE", "LOCAL_AUTHORITY", "OTHER"));
		}
	}

	private static String currentUser(DelegateTask task) {
		var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

}
