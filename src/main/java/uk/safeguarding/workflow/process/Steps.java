package uk.safeguarding.workflow.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;

import uk.safeguarding.workflow.process.Step.CaseRecordAction;
import uk.safeguarding.workflow.process.Step.Preparation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Pathway;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * Every human step of the journey, one entry each: its form, its rules (the hard gates of
 * spec section 3 and the validation of its answers, enforced on the server whoever
 * completes it), the journey values it sets, what the chronology shows and what the case
 * record keeps. Each entry's rules follow it. {@code StepsCatalogueTest} fails when a
 * user task of the model has no entry here, or an entry has no task. To add a step, see
 * {@code CONTRIBUTING.md}.
 */
public final class Steps {

	static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{3,29}");

	static final String REFERENCE_FORMAT = "4 to 30 letters, digits, '/' or '-'";

	static final Set<String> CONSENT_OUTCOMES = Set.of("GIVEN", "DECLINED", "UNDECIDED");

	static final Set<String> DECISIONS = Set.of("POSITIVE", "NEGATIVE");

	static final Set<String> CLOSURE_REASONS = Set.of("CONCLUSIVE_DECISION", "CONSENT_DECLINED", "NO_FURTHER_ACTION",
			"OTHER");

	/** The informed-consent checklist (spec section 2, step 5). */
	public static final List<String> CONSENT_CHECKLIST = List.of("nrmExplained", "supportExplained",
			"outcomesExplained", "informationSharingExplained", "withdrawalExplained", "capacityConsidered");

	/** Answers of an earlier consent conversation that must not pre-fill the next one. */
	static final List<String> CONSENT_ANSWERS = List.of("nrmConsent", "professionalInterpreterUsed",
			"consentToPoliceContact", "consentToVictimCareSupport", "consentExplainedBy");

	private static final String PROFESSIONAL_INTERPRETER = "professionalInterpreterUsed";

	public static final List<Step> ALL = List.of(
			Step.of(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, "record-immediate-safeguarding")
				.rule(Steps::immediateSafeguarding)
				.records("placeOfSafetyAddress"),
			Step.of(UserTasks.RECORD_CRIME, "record-crime")
				.rule(Steps::crime)
				.shows(Variables.CRIME_REFERENCE)
				.records(Variables.CRIME_REFERENCE),
			Step.of(UserTasks.ALLOCATE_INVESTIGATOR, "allocate-investigator")
				.rule(Steps::allocateInvestigator)
				.onCreate(Steps::investigatorChoices)
				.sets(Variables.CASE_SUPERVISOR)
				.shows(Variables.INVESTIGATOR)
				.records(Variables.INVESTIGATOR)
				.does(CaseRecordAction.SUPERVISES),
			Step.of(UserTasks.DEPLOY_VICTIM_LIAISON, "deploy-victim-liaison")
				.rule(Steps::deployVictimLiaison)
				.onCreate(Steps::liaisonOfficerChoices)
				.sets(Variables.CASE_SUPERVISOR)
				.shows("liaisonRole", Variables.LIAISON_OFFICER)
				.records(Variables.LIAISON_OFFICER, "liaisonRole", "victimNavigatorName", "victimNavigatorOrganisation")
				.does(CaseRecordAction.SUPERVISES),
			Step.of(UserTasks.ASSESS_VICTIM_NEEDS, "assess-victim-needs").rule(Steps::victimNeeds),
			Step.of(UserTasks.AGREE_VICTIM_STRATEGY, "agree-victim-strategy").rule(Steps::victimStrategy),
			Step.of(UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL, "record-childrens-services-referral")
				.rule(Steps::childrensServicesReferral)
				.sets(Variables.CHILDRENS_SERVICES_NOTIFIED)
				.shows("childrensServicesReferralRoute", "localAuthorityReference")
				.records("localAuthorityReference"),
			Step.of(UserTasks.RECORD_STRATEGY_DISCUSSION, "record-strategy-discussion")
				.rule(Steps::strategyDiscussion)
				.shows(Variables.AGREED_FIRST_RESPONDER, "section47Enquiries"),
			Step.of(UserTasks.SEEK_INFORMED_CONSENT, "seek-informed-consent")
				.rule(Steps::consent)
				.onCreate(Steps::blankConsent)
				.sets(Variables.UNDECIDED_CONTACTS, Variables.CONSENT_DECLINED_AT)
				.shows(Variables.NRM_CONSENT)
				.does(CaseRecordAction.NRM_CONSENT),
			Step.of(UserTasks.SUBMIT_NRM_REFERRAL, "submit-nrm-referral")
				.rule(Steps::nrmReferral)
				.sets(Variables.NRM_SUBMITTED, Variables.NRM_SUBMITTED_AT)
				.shows(Variables.NRM_REFERENCE)
				.records(Variables.NRM_REFERENCE, Variables.NRM_SUBMITTED_AT),
			Step.of(UserTasks.SUBMIT_DUTY_TO_NOTIFY, "submit-duty-to-notify")
				.rule(Steps::dutyToNotify)
				.sets(Variables.DUTY_TO_NOTIFY_SUBMITTED)
				.shows(Variables.DUTY_TO_NOTIFY_REFERENCE)
				.records(Variables.DUTY_TO_NOTIFY_REFERENCE)
				.prepares(Preparation.DUTY_TO_NOTIFY_SUMMARY),
			Step.of(UserTasks.ARRANGE_ALTERNATIVE_SUPPORT, "arrange-alternative-support")
				.rule(Steps::alternativeSupport),
			Step.of(UserTasks.REVISIT_CONSENT, "revisit-consent")
				.rule(Steps::consent)
				.onCreate(Steps::blankConsent)
				.sets(Variables.UNDECIDED_CONTACTS, Variables.CONSENT_DECLINED_AT)
				.shows(Variables.NRM_CONSENT)
				.does(CaseRecordAction.NRM_CONSENT),
			Step.of(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION, "record-reasonable-grounds-decision")
				.rule(Steps::reasonableGrounds)
				.sets(Variables.LATEST_NEGATIVE_DECISION, Variables.LATEST_NEGATIVE_DECISION_DATE)
				.shows(Variables.REASONABLE_GROUNDS_DECISION, Variables.REASONABLE_GROUNDS_DECISION_DATE)
				.records(Variables.REASONABLE_GROUNDS_DECISION, Variables.REASONABLE_GROUNDS_DECISION_DATE),
			Step.of(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION, "record-conclusive-grounds-decision")
				.rule(Steps::conclusiveGrounds)
				.sets(Variables.CONCLUSIVE_DECISION_FLAGGED, Variables.LATEST_NEGATIVE_DECISION,
						Variables.LATEST_NEGATIVE_DECISION_DATE)
				.shows(Variables.CONCLUSIVE_GROUNDS_DECISION, Variables.CONCLUSIVE_GROUNDS_DECISION_DATE,
						Variables.CONCLUSIVE_DECISION_FLAGGED)
				.records(Variables.CONCLUSIVE_GROUNDS_DECISION, Variables.CONCLUSIVE_GROUNDS_DECISION_DATE,
						Variables.CONCLUSIVE_DECISION_FLAGGED),
			Step.of(UserTasks.CONSIDER_RECONSIDERATION, "consider-reconsideration")
				.rule(Steps::reconsideration)
				.shows(Variables.RECONSIDERATION_REQUESTED),
			Step.of(UserTasks.CONDUCT_SUPERVISORY_REVIEW, "conduct-supervisory-review")
				.rule(Steps::supervisoryReview)
				.sets(Variables.CLOSURE_REQUESTED, Variables.LAST_REVIEW_AT)
				.shows("reviewOutcome", Variables.CLOSURE_REQUESTED),
			Step.of(UserTasks.RESPOND_TO_MISSING_VICTIM, "respond-to-missing-victim")
				.rule(Steps::missing)
				.shows("riskAssessedAs", "missingPersonReference"),
			Step.of(UserTasks.REVIEW_CASE_CLOSURE, "review-case-closure")
				.rule(Steps::closure)
				.sets(Variables.OPEN_ITEMS_SUMMARY)
				.shows(Variables.CLOSE_CASE, "closureReason")
				.does(CaseRecordAction.CLOSES)
				.prepares(Preparation.OPEN_ITEMS),
			Step.of(UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE, "inform-competent-authority-of-age")
				.rule((task, answers) -> answers.requiredPastInstant("competentAuthorityInformedAt",
						"When the competent authority was told")),
			Step.of(UserTasks.SEEK_ADULT_SUPPORT_CONSENT, "seek-adult-support-consent")
				.rule(Steps::adultSupportConsent)
				.shows("adultSupportConsent")
				.does(CaseRecordAction.ADULT_SUPPORT_CONSENT),
			Step.of(UserTasks.REFER_DEPENDANT_CHILDREN, "refer-dependant-children")
				.rule(Steps::dependantChildren)
				.shows("dependantChildrenCount", "dependantChildrenReferralRoute", "dependantChildrenLaReference"),
			Step.of(UserTasks.CONDUCT_RETURN_INTERVIEW, "conduct-return-interview")
				.rule(Steps::returnInterview)
				.shows("returnInterviewOffered", "returnInterviewHeld", "returnInterviewBy"),
			Step.of(UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL, "inform-competent-authority-of-withdrawal")
				.rule((task, answers) -> answers.requiredPastInstant("competentAuthorityToldAt",
						"When the competent authority was told")));

	private static final Map<String, Step> BY_TASK = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(Step::taskId, Function.identity()));

	private Steps() {
	}

	/**
	 * The entry of a user task.
	 * @param taskId the task definition key
	 * @return its entry, or empty for a task that has none (which
	 * {@code StepsCatalogueTest} does not let pass)
	 */
	public static Optional<Step> of(String taskId) {
		return Optional.ofNullable(BY_TASK.get(taskId));
	}

	// Record immediate safeguarding

	private static void immediateSafeguarding(DelegateTask task, FormValues form) {
		form.requiredBoolean("placeOfSafetyArranged", "Whether a place of safety was arranged");
		form.requiredBoolean("separatedFromControllers", "Whether the person was separated from suspected controllers");
		form.requiredBoolean("furtherVictimsChecked", "Whether further victims were checked for");
		String interpreter = form.requiredChoice("interpreterArranged", "Interpreter",
				Set.of("PROFESSIONAL", "NOT_NEEDED"));
		if (interpreterNeeded(form) && !"PROFESSIONAL".equals(interpreter)) {
			throw new SafeguardingRuleViolation("interpreterArranged",
					"An interpreter is needed: use a professional interpreter, never family or associates.");
		}
	}

	// Record crime

	private static void crime(DelegateTask task, FormValues form) {
		form.requiredMatching(Variables.CRIME_REFERENCE, "Crime reference", REFERENCE, REFERENCE_FORMAT);
		form.requiredPastInstant("crimeRecordedAt", "When the crime was recorded");
	}

	// Allocate investigator: only to a PIP2+ investigator

	private static void allocateInvestigator(DelegateTask task, FormValues form) {
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
		task.setVariable(Variables.CASE_SUPERVISOR, form.submittedBy());
	}

	// the form lists the investigators to pick from; the rule above still checks the pick
	private static void investigatorChoices(DelegateTask task, FormValues answers) {
		task.setVariableLocal(Variables.INVESTIGATOR_CHOICES, OfficerChoices
			.of(task.getProcessEngineServices().getIdentityService(), Map.of(Groups.INVESTIGATORS, "")));
	}

	// Deploy victim liaison: the chosen officer becomes the assignee of the liaison tasks

	private static void deployVictimLiaison(DelegateTask task, FormValues form) {
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
			task.setVariable(Variables.CASE_SUPERVISOR, form.submittedBy());
		}
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

	// the form lists who may be deployed (the groups the rule above accepts)
	private static void liaisonOfficerChoices(DelegateTask task, FormValues answers) {
		Map<String, String> groups = new java.util.LinkedHashMap<>();
		groups.put(Groups.VICTIM_LIAISON, "victim liaison (MSVLO)");
		groups.put(Groups.FIRST_RESPONDERS, "police (SPOC)");
		task.setVariableLocal(Variables.LIAISON_OFFICER_CHOICES,
				OfficerChoices.of(task.getProcessEngineServices().getIdentityService(), groups));
	}

	// Assess victim needs (Victims' Code)

	private static void victimNeeds(DelegateTask task, FormValues form) {
		form.optionalBoolean("needsAssessmentCompleted", "Whether the needs assessment was completed", false);
		form.optionalBoolean("referredToSupportServices", "Whether the person was referred to support services", false);
	}

	// Agree victim strategy

	private static void victimStrategy(DelegateTask task, FormValues form) {
		if (!form.requiredBoolean("safeguardingPlanAgreed", "The safeguarding plan")
				|| !form.requiredBoolean("contactPlanAgreed", "The contact plan")) {
			throw new SafeguardingRuleViolation("safeguardingPlanAgreed",
					"A victim strategy needs an agreed safeguarding plan and contact plan.");
		}
		form.optionalInteger("contactFrequencyDays", "Contact frequency in days", 1, 90);
	}

	// Record children's services referral: children's services now know of the child

	private static void childrensServicesReferral(DelegateTask task, FormValues form) {
		form.requiredChoice("childrensServicesReferralRoute", "How the referral was made",
				Set.of("MASH_PHONE", "MASH_ONLINE_FORM", "MASH_SECURE_EMAIL", "IN_PERSON"));
		form.requiredPastInstant("childrensServicesReferredAt", "When children's services were told");
		task.setVariable(Variables.CHILDRENS_SERVICES_NOTIFIED, true);
	}

	// Record strategy discussion (child)

	private static void strategyDiscussion(DelegateTask task, FormValues form) {
		form.requiredPastInstant("strategyDiscussionHeldAt", "When the strategy discussion was held");
		form.requiredBoolean("section47Enquiries", "Whether section 47 enquiries will be made");
		form.requiredChoice(Variables.AGREED_FIRST_RESPONDER, "Agreed first responder",
				Set.of("POLICE", "LOCAL_AUTHORITY", "OTHER"));
	}

	// Seek informed consent, Revisit consent (adult only)

	/**
	 * A new consent conversation starts blank: Tasklist pre-fills a form from the process
	 * variables of the same name, and the person must be asked again, not shown the last
	 * answers.
	 */
	private static void blankConsent(DelegateTask task, FormValues form) {
		for (String name : CONSENT_CHECKLIST) {
			task.removeVariable(name);
		}
		for (String name : CONSENT_ANSWERS) {
			task.removeVariable(name);
		}
	}

	private static void consent(DelegateTask task, FormValues form) {
		if (Pathway.CHILD.equals(task.getVariable(Variables.PATHWAY))) {
			throw new SafeguardingRuleViolation(Variables.NRM_CONSENT,
					"A child is never asked for consent: children are always referred to the NRM.");
		}
		String outcome = form.requiredChoice(Variables.NRM_CONSENT, "The consent outcome", CONSENT_OUTCOMES);
		requireProfessionalInterpreter(form);
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
			task.setVariable(Variables.CONSENT_DECLINED_AT, Date.from(JourneyTime.now()));
		}
	}

	/**
	 * A professional interpreter in every consent conversation where one is needed,
	 * whatever its outcome (spec section 3): an answer given through family or associates
	 * is no answer, whether it is yes, no or not yet.
	 */
	private static void requireProfessionalInterpreter(FormValues form) {
		if (interpreterNeeded(form)
				&& !form.optionalBoolean(PROFESSIONAL_INTERPRETER, "Professional interpreter", false)) {
			throw new SafeguardingRuleViolation(PROFESSIONAL_INTERPRETER,
					"An interpreter is needed: a consent conversation, whatever its outcome, can only be recorded through a professional interpreter, never family or associates.");
		}
	}

	private static boolean interpreterNeeded(FormValues form) {
		return form.optionalBoolean(Variables.INTERPRETER_NEEDED, "Interpreter needed", false);
	}

	// Submit NRM referral: a child always, an adult only with consent

	private static void nrmReferral(DelegateTask task, FormValues form) {
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
		form.requiredMatching(Variables.NRM_REFERENCE, "NRM reference", REFERENCE, REFERENCE_FORMAT);
		Instant submitted = form.requiredPastInstant(Variables.NRM_SUBMITTED_AT, "When the referral was submitted");
		form.optionalChoice("nrmSubmittedByAgency", "Submitting agency", Set.of("POLICE", "LOCAL_AUTHORITY", "OTHER"));
		task.setVariable(Variables.NRM_SUBMITTED, true);
		task.setVariable(Variables.NRM_SUBMITTED_AT, Date.from(submitted));
	}

	// Submit Duty to Notify report (adult only; anonymous)

	private static void dutyToNotify(DelegateTask task, FormValues form) {
		if (!Pathway.ADULT.equals(task.getVariable(Variables.PATHWAY))) {
			throw new SafeguardingRuleViolation(Variables.DUTY_TO_NOTIFY_REFERENCE,
					"A child cannot be reported through the Duty to Notify: children are always referred to the NRM.");
		}
		form.requiredMatching(Variables.DUTY_TO_NOTIFY_REFERENCE, "Duty to Notify reference", REFERENCE,
				REFERENCE_FORMAT);
		form.requiredPastInstant("dutyToNotifySubmittedAt", "When the report was submitted");
		task.setVariable(Variables.DUTY_TO_NOTIFY_SUBMITTED, true);
	}

	// Arrange alternative support

	private static void alternativeSupport(DelegateTask task, FormValues form) {
		form.requiredList("alternativeSupport", "Alternative support", Set.of("ADULT_SOCIAL_CARE", "VICTIM_SERVICES",
				"NGO", "HELPLINE", "HOUSING", "HEALTH", "NONE_ACCEPTED"));
	}

	// Record reasonable grounds decision

	private static void reasonableGrounds(DelegateTask task, FormValues form) {
		String decision = form.requiredChoice(Variables.REASONABLE_GROUNDS_DECISION, "The reasonable grounds decision",
				DECISIONS);
		LocalDate date = form.requiredPastDate(Variables.REASONABLE_GROUNDS_DECISION_DATE, "The decision date");
		form.optionalChoice("competentAuthority", "Competent authority", Set.of("SCA", "IECA", "DEVOLVED_PANEL"));
		if ("NEGATIVE".equals(decision)) {
			negative(task, "REASONABLE_GROUNDS", date);
		}
	}

	// Record conclusive grounds decision: accepted whenever it arrives

	private static void conclusiveGrounds(DelegateTask task, FormValues form) {
		String decision = form.requiredChoice(Variables.CONCLUSIVE_GROUNDS_DECISION, "The conclusive grounds decision",
				DECISIONS);
		LocalDate date = form.requiredPastDate(Variables.CONCLUSIVE_GROUNDS_DECISION_DATE, "The decision date");
		Object rg = task.getVariable(Variables.REASONABLE_GROUNDS_DECISION_DATE);
		boolean early = rg != null
				&& date.isBefore(FormValues.parseDate("reasonableGroundsDecisionDate", "RG date", rg).plusDays(30));
		// a date inside the 30-day recovery period is flagged for checking, not refused
		task.setVariable(Variables.CONCLUSIVE_DECISION_FLAGGED, early);
		if ("NEGATIVE".equals(decision)) {
			negative(task, "CONCLUSIVE_GROUNDS", date);
		}
	}

	private static void negative(DelegateTask task, String which, LocalDate date) {
		task.setVariable(Variables.LATEST_NEGATIVE_DECISION, which);
		task.setVariable(Variables.LATEST_NEGATIVE_DECISION_DATE,
				Date.from(date.atStartOfDay(JourneyTime.ZONE).toInstant()));
	}

	// Consider reconsideration

	private static void reconsideration(DelegateTask task, FormValues form) {
		form.requiredBoolean(Variables.RECONSIDERATION_REQUESTED, "Whether reconsideration is requested");
	}

	// Conduct supervisory review

	private static void supervisoryReview(DelegateTask task, FormValues form) {
		form.requiredChoice("reviewOutcome", "Review outcome", Set.of("CONTINUE", "ACTION_REQUIRED"));
		task.setVariable(Variables.CLOSURE_REQUESTED,
				form.optionalBoolean(Variables.CLOSURE_REQUESTED, "Closure requested", false));
		task.setVariable(Variables.LAST_REVIEW_AT, Date.from(JourneyTime.now()));
	}

	// Respond to missing victim

	/**
	 * Dependant children of the person: referred to children's services as their own
	 * concern.
	 */
	private static void dependantChildren(DelegateTask task, FormValues form) {
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

	/**
	 * A child found after a missing episode: whether a return interview was offered and
	 * held.
	 */
	private static void returnInterview(DelegateTask task, FormValues form) {
		boolean offered = form.requiredBoolean("returnInterviewOffered", "Whether a return interview was offered");
		if (offered && form.requiredBoolean("returnInterviewHeld", "Whether the interview took place")) {
			form.requiredChoice("returnInterviewBy", "Who held the interview",
					Set.of("POLICE", "LOCAL_AUTHORITY", "OTHER"));
		}
	}

	private static void missing(DelegateTask task, FormValues form) {
		form.requiredBoolean("missingPersonReportMade", "Whether a missing person report was made");
		form.requiredChoice("riskAssessedAs", "Risk assessed as", Set.of("HIGH", "MEDIUM", "LOW"));
	}

	// Review case closure: a closure that cannot lose a child

	private static void closure(DelegateTask task, FormValues form) {
		boolean close = form.requiredBoolean(Variables.CLOSE_CASE, "Whether to close the case");
		List<OpenItems.Item> open = OpenItems.of(task);
		// what was open when the supervisor decided, for the case record
		task.setVariableLocal(Variables.OPEN_ITEMS_SUMMARY, OpenItems.summary(open));
		if (!close) {
			return;
		}
		if (Pathway.CHILD.equals(task.getVariable(Variables.PATHWAY))
				&& !Boolean.TRUE.equals(task.getVariable(Variables.NRM_SUBMITTED))) {
			throw new SafeguardingRuleViolation(Variables.CLOSE_CASE,
					"A child's case cannot close before an NRM referral is recorded. Still missing: the NRM referral (Submit NRM referral), or the NRM reference of the agency that referred the child. Children are always referred.");
		}
		form.requiredChoice("closureReason", "The reason for closing", CLOSURE_REASONS);
		List<String> needReason = open.stream()
			.filter(OpenItems.Item::needsReason)
			.map(OpenItems.Item::sentence)
			.toList();
		if (!needReason.isEmpty() && !form.has("closureNotes")) {
			throw new SafeguardingRuleViolation("closureNotes", "The case still has open items: "
					+ String.join(" ", needReason) + " Closing it now needs a stated reason: say why in closureNotes.");
		}
	}

	// Seek consent to adult support (presumed child found to be an adult)

	private static void adultSupportConsent(DelegateTask task, FormValues form) {
		form.requiredChoice("adultSupportConsent", "The answer on adult support", CONSENT_OUTCOMES);
		requireProfessionalInterpreter(form);
	}

}
