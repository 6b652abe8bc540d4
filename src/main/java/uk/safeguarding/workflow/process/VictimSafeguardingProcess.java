package uk.safeguarding.workflow.process;

import java.util.List;

/**
 * The names of the {@code victim-safeguarding} process: its key, activities, messages and
 * variables. {@code ProcessModelTest} fails when the model and these constants drift
 * apart.
 */
public final class VictimSafeguardingProcess {

	public static final String KEY = "victim-safeguarding";

	/**
	 * The supporting process that delivers one notice
	 * ({@code bpmn/notification-delivery.bpmn}; business key = the case reference).
	 */
	public static final String DELIVERY_KEY = "notification-delivery";

	public static final String START_FORM = "report-potential-victim";

	private VictimSafeguardingProcess() {
	}

	/** Human steps: every one has a Camunda Form in {@code forms/} named after it. */
	public static final class UserTasks {

		public static final String RECORD_IMMEDIATE_SAFEGUARDING = "UserTask_RecordImmediateSafeguarding";

		public static final String RECORD_CRIME = "UserTask_RecordCrime";

		public static final String ALLOCATE_INVESTIGATOR = "UserTask_AllocateInvestigator";

		public static final String DEPLOY_VICTIM_LIAISON = "UserTask_DeployVictimLiaison";

		public static final String ASSESS_VICTIM_NEEDS = "UserTask_AssessVictimNeeds";

		public static final String AGREE_VICTIM_STRATEGY = "UserTask_AgreeVictimStrategy";

		public static final String RECORD_CHILDRENS_SERVICES_REFERRAL = "UserTask_RecordChildrensServicesReferral";

		public static final String RECORD_STRATEGY_DISCUSSION = "UserTask_RecordStrategyDiscussion";

		public static final String SEEK_INFORMED_CONSENT = "UserTask_SeekInformedConsent";

		public static final String SUBMIT_NRM_REFERRAL = "UserTask_SubmitNrmReferral";

		public static final String SUBMIT_DUTY_TO_NOTIFY = "UserTask_SubmitDutyToNotify";

		public static final String ARRANGE_ALTERNATIVE_SUPPORT = "UserTask_ArrangeAlternativeSupport";

		public static final String REVISIT_CONSENT = "UserTask_RevisitConsent";

		public static final String RECORD_REASONABLE_GROUNDS_DECISION = "UserTask_RecordReasonableGroundsDecision";

		public static final String RECORD_CONCLUSIVE_GROUNDS_DECISION = "UserTask_RecordConclusiveGroundsDecision";

		public static final String CONSIDER_RECONSIDERATION = "UserTask_ConsiderReconsideration";

		public static final String CONDUCT_SUPERVISORY_REVIEW = "UserTask_ConductSupervisoryReview";

		public static final String RESPOND_TO_MISSING_VICTIM = "UserTask_RespondToMissingVictim";

		public static final String REVIEW_CASE_CLOSURE = "UserTask_ReviewCaseClosure";

		public static final String INFORM_COMPETENT_AUTHORITY_OF_AGE = "UserTask_InformCompetentAuthorityOfAge";

		public static final String SEEK_ADULT_SUPPORT_CONSENT = "UserTask_SeekAdultSupportConsent";

		public static final String REFER_DEPENDANT_CHILDREN = "UserTask_ReferDependantChildren";

		public static final String CONDUCT_RETURN_INTERVIEW = "UserTask_ConductReturnInterview";

		public static final String INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL = "UserTask_InformCompetentAuthorityOfWithdrawal";

		public static final List<String> ALL = List.of(RECORD_IMMEDIATE_SAFEGUARDING, RECORD_CRIME,
				ALLOCATE_INVESTIGATOR, DEPLOY_VICTIM_LIAISON, ASSESS_VICTIM_NEEDS, AGREE_VICTIM_STRATEGY,
				RECORD_CHILDRENS_SERVICES_REFERRAL, RECORD_STRATEGY_DISCUSSION, SEEK_INFORMED_CONSENT,
				SUBMIT_NRM_REFERRAL, SUBMIT_DUTY_TO_NOTIFY, ARRANGE_ALTERNATIVE_SUPPORT, REVISIT_CONSENT,
				RECORD_REASONABLE_GROUNDS_DECISION, RECORD_CONCLUSIVE_GROUNDS_DECISION, CONSIDER_RECONSIDERATION,
				CONDUCT_SUPERVISORY_REVIEW, RESPOND_TO_MISSING_VICTIM, REVIEW_CASE_CLOSURE,
				INFORM_COMPETENT_AUTHORITY_OF_AGE, SEEK_ADULT_SUPPORT_CONSENT, REFER_DEPENDANT_CHILDREN,
				CONDUCT_RETURN_INTERVIEW, INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL);

		private UserTasks() {
		}

	}

	/** Steps the system does. */
	public static final class ServiceTasks {

		public static final String OPEN_VICTIM_CASE = "ServiceTask_OpenVictimCase";

		public static final String NOTIFY_SAFEGUARDING_HUB = "ServiceTask_NotifySafeguardingHub";

		public static final String REFER_TO_ICTG = "ServiceTask_ReferToIctg";

		public static final String ALERT_SUPERVISORS = "ServiceTask_AlertSupervisors";

		public static final String NOTIFY_HUB_OF_MISSING_VICTIM = "ServiceTask_NotifyHubOfMissingVictim";

		public static final String NOTIFY_ICTG_OF_MISSING_VICTIM = "ServiceTask_NotifyIctgOfMissingVictim";

		public static final String RECORD_AGE_ASSESSMENT = "ServiceTask_RecordAgeAssessment";

		public static final String REFER_TO_ICTG_AFTER_AGE_ASSESSMENT = "ServiceTask_ReferToIctgAfterAgeAssessment";

		public static final String DETERMINE_SAFEGUARDING_PATHWAY = "BusinessRuleTask_DetermineSafeguardingPathway";

		public static final String NOTIFY_HUB_OF_FOUND_VICTIM = "ServiceTask_NotifyHubOfFoundVictim";

		public static final String NOTIFY_ICTG_OF_FOUND_VICTIM = "ServiceTask_NotifyIctgOfFoundVictim";

		public static final String RECORD_CONSENT_WITHDRAWAL = "ServiceTask_RecordConsentWithdrawal";

		/** In the supporting model {@code bpmn/notification-delivery.bpmn}. */
		public static final String DELIVER_NOTIFICATION = "ServiceTask_DeliverNotification";

		public static final List<String> ALL = List.of(OPEN_VICTIM_CASE, NOTIFY_SAFEGUARDING_HUB, REFER_TO_ICTG,
				ALERT_SUPERVISORS, NOTIFY_HUB_OF_MISSING_VICTIM, NOTIFY_ICTG_OF_MISSING_VICTIM, RECORD_AGE_ASSESSMENT,
				REFER_TO_ICTG_AFTER_AGE_ASSESSMENT, DETERMINE_SAFEGUARDING_PATHWAY, NOTIFY_HUB_OF_FOUND_VICTIM,
				NOTIFY_ICTG_OF_FOUND_VICTIM, RECORD_CONSENT_WITHDRAWAL, DELIVER_NOTIFICATION);

		private ServiceTasks() {
		}

	}

	/** Events and containers a test or an operator refers to by id. */
	public static final class Events {

		public static final String START = "StartEvent_PotentialVictimReported";

		public static final String CASE_CLOSED = "EndEvent_CaseClosed";

		public static final String REVIEW_DUE = "TimerEvent_ReviewDue";

		public static final String RECONTACT_DUE = "TimerEvent_RecontactDue";

		public static final String REVISIT_CONSENT_DUE = "TimerEvent_RevisitConsentDue";

		public static final String REFERRAL = "SubProcess_Referral";

		public static final String REFERRAL_REOPENED = "ConditionalEvent_ReferralReopened";

		public static final String VICTIM_FOUND = "StartEvent_VictimFound";

		public static final String CONSENT_WITHDRAWN = "StartEvent_ConsentWithdrawn";

		/** Stops an NRM referral not yet submitted when consent is withdrawn. */
		public static final String REFERRAL_STOPPED = "BoundaryEvent_ConsentWithdrawn";

		/** Ends an open "Respond to missing victim" step when the victim is found. */
		public static final String MISSING_RESPONSE_ENDED = "BoundaryEvent_VictimFound";

		private Events() {
		}

	}

	/**
	 * Message names (the contract: correlated by business key, accepted until closure).
	 */
	public static final class Messages {

		public static final String VICTIM_REPORTED_MISSING = "VictimReportedMissing";

		public static final String AGE_ASSESSMENT_COMPLETED = "AgeAssessmentCompleted";

		/** Closes the open missing episode; carries no variables. */
		public static final String VICTIM_FOUND = "VictimFound";

		/** The adult withdrew consent to the NRM referral; carries no variables. */
		public static final String CONSENT_WITHDRAWN = "ConsentWithdrawn";

		private Messages() {
		}

	}

	/** Process variables: references, flags and outcomes only. */
	public static final class Variables {

		// start (contract, spec section 8)
		public static final String AREA_CODE = "areaCode";

		public static final String EXPLOITATION_TYPES = "exploitationTypes";

		public static final String AGE_UNCERTAIN = "ageUncertain";

		public static final String MAY_BE_UNDER_18 = "mayBeUnder18";

		public static final String DATE_OF_BIRTH = "dateOfBirth";

		public static final String ESTIMATED_AGE = "estimatedAge";

		public static final String IMMEDIATE_RISK = "immediateRisk";

		public static final String CARE_AND_SUPPORT_NEEDS = "careAndSupportNeeds";

		public static final String INTERPRETER_LANGUAGE = "interpreterLanguage";

		public static final String INTERPRETER_NEEDED = "interpreterNeeded";

		public static final String VICTIM_NAME = "victimName";

		public static final String IDENTIFIED_AT = "identifiedAt";

		public static final String INDICATORS_SEEN = "indicatorsSeen";

		public static final String HOW_CAME_TO_NOTICE = "howCameToNotice";

		public static final String REPORTING_OFFICER = "reportingOfficer";

		// set when the case opens
		public static final String CASE_REFERENCE = "caseReference";

		public static final String CASE_OPENED_AT = "caseOpenedAt";

		public static final String PATHWAY = "pathway";

		public static final String RISK_LEVEL = "riskLevel";

		public static final String ICTG_AREA = "ictgArea";

		public static final String MASH_SECURE_CHANNEL = "mashSecureChannel";

		public static final String CHILDRENS_SERVICES_NOTIFIED = "childrensServicesNotified";

		public static final String DATE_OF_BIRTH_GIVEN = "dateOfBirthGiven";

		public static final String UNDER_18_BY_DATE_OF_BIRTH = "under18ByDateOfBirth";

		public static final String LIAISON_OFFICER = "liaisonOfficer";

		public static final String INVESTIGATOR = "investigator";

		public static final String CASE_SUPERVISOR = "caseSupervisor";

		/**
		 * Task-local: the investigators the allocation form lists (JSON, label and user
		 * id).
		 */
		public static final String INVESTIGATOR_CHOICES = "investigatorChoices";

		/**
		 * Task-local: the officers the deployment form lists (JSON, label and user id).
		 */
		public static final String LIAISON_OFFICER_CHOICES = "liaisonOfficerChoices";

		public static final String NRM_SUBMITTED = "nrmSubmitted";

		public static final String NRM_SUBMITTED_AT = "nrmSubmittedAt";

		public static final String NRM_REFERENCE = "nrmReference";

		public static final String CRIME_REFERENCE = "crimeReference";

		public static final String DUTY_TO_NOTIFY_SUBMITTED = "dutyToNotifySubmitted";

		public static final String DUTY_TO_NOTIFY_REFERENCE = "dutyToNotifyReference";

		public static final String DUTY_TO_NOTIFY_SUMMARY = "dutyToNotifySummary";

		public static final String CLOSURE_REVIEW_DUE = "closureReviewDue";

		public static final String CLOSURE_REQUESTED = "closureRequested";

		public static final String CLOSE_CASE = "closeCase";

		public static final String OPEN_ITEMS_SUMMARY = "openItemsSummary";

		public static final String REFERRAL_REROUTED = "referralRerouted";

		public static final String UNDECIDED_CONTACTS = "undecidedContacts";

		public static final String MAX_UNDECIDED_CONTACTS = "maxUndecidedContacts";

		public static final String RECONTACT_INTERVAL = "recontactInterval";

		public static final String REVISIT_CONSENT_INTERVAL = "revisitConsentInterval";

		public static final String SUPERVISORY_REVIEW_INTERVAL = "supervisoryReviewInterval";

		public static final String NOTIFICATION_RETRY_CYCLE = "notificationRetryCycle";

		public static final String LAST_REVIEW_AT = "lastReviewAt";

		public static final String CONSENT_DECLINED_AT = "consentDeclinedAt";

		// outcomes (contract)
		public static final String NRM_CONSENT = "nrmConsent";

		public static final String REASONABLE_GROUNDS_DECISION = "reasonableGroundsDecision";

		public static final String REASONABLE_GROUNDS_DECISION_DATE = "reasonableGroundsDecisionDate";

		public static final String CONCLUSIVE_GROUNDS_DECISION = "conclusiveGroundsDecision";

		public static final String CONCLUSIVE_GROUNDS_DECISION_DATE = "conclusiveGroundsDecisionDate";

		public static final String CONCLUSIVE_DECISION_FLAGGED = "conclusiveDecisionFlagged";

		public static final String LATEST_NEGATIVE_DECISION = "latestNegativeDecision";

		public static final String LATEST_NEGATIVE_DECISION_DATE = "latestNegativeDecisionDate";

		public static final String RECONSIDERATION_REQUESTED = "reconsiderationRequested";

		public static final String AGREED_FIRST_RESPONDER = "agreedFirstResponder";

		public static final String ASSESSED_ADULT = "assessedAdult";

		public static final String AGE_REASSESSMENT = "ageReassessment";

		public static final String MISSING_EPISODE = "missingEpisode";

		/**
		 * Server-written: the open missing episode was closed ({@code VictimFound}); ends
		 * the open response to it. Set back to false by the next missing report.
		 */
		public static final String VICTIM_FOUND = "victimFound";

		public static final String NOTICE = "notice";

		// start form flags the journey routes on
		public static final String DEPENDANT_CHILDREN_PRESENT = "dependantChildrenPresent";

		public static final String OTHER_VICTIMS_PRESENT = "otherVictimsPresent";

		/** An NRM reference another agency already has (start form). */
		public static final String EXISTING_NRM_REFERENCE = "existingNrmReference";

		/** Server-written: the case came with another agency's NRM referral. */
		public static final String REFERRED_BY_ANOTHER_AGENCY = "referredByAnotherAgency";

		/** Server-written: consent withdrawn before submission, the referral stops. */
		public static final String CONSENT_WITHDRAWN = "consentWithdrawn";

		private Variables() {
		}

	}

	/** Values of {@code pathway}. */
	public static final class Pathway {

		public static final String CHILD = "CHILD";

		public static final String ADULT = "ADULT";

		private Pathway() {
		}

	}

	/** Candidate groups (spec section 1). */
	public static final class Groups {

		public static final String FIRST_RESPONDERS = "first-responders";

		public static final String VICTIM_LIAISON = "victim-liaison";

		public static final String SUPERVISORS = "supervisors";

		public static final String INVESTIGATORS = "investigators";

		public static final String MANAGERS = "managers";

		public static final String ADMINISTRATORS = "camunda-admin";

		/**
		 * Day-to-day administration (spec section 1): users, groups and the directory,
		 * never cases. {@code camunda-admin} is the audited break-glass account.
		 */
		public static final String USER_ADMINISTRATORS = "user-administrators";

		public static final List<String> ALL = List.of(FIRST_RESPONDERS, VICTIM_LIAISON, SUPERVISORS, INVESTIGATORS,
				MANAGERS, ADMINISTRATORS);

		private Groups() {
		}

	}

}
