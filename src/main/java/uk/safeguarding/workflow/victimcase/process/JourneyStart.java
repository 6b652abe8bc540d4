package uk.safeguarding.workflow.victimcase.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.victimcase.AgeCalculator;
import uk.safeguarding.workflow.process.PersonalData;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The variables a journey starts with: the case reference as business key, derived age
 * inputs for the pathway decision (never the date of birth), directory flags, policy
 * settings and the flags the gateways read. Identifying details and free text are
 * removed: the case record holds them.
 */
public final class JourneyStart {

	private JourneyStart() {
	}

	public static void initialise(DelegateExecution execution, String reference, StartReport report, boolean ictgArea,
			boolean mashSecureChannel, JourneyPolicy policy, Instant now) {
		execution.setProcessBusinessKey(reference);
		for (String name : List.copyOf(execution.getVariableNames())) {
			if (PersonalData.isCaseRecordOnly(name)) {
				execution.removeVariable(name);
			}
		}
		Map<String, Object> derived = AgeCalculator.pathwayInputs(report.newCase().dateOfBirth(),
				report.newCase().estimatedAge(), report.newCase().ageUncertain(), report.mayBeUnder18(),
				report.newCase().immediateRisk(), report.newCase().careAndSupportNeeds(), JourneyTime.today());
		derived.forEach(execution::setVariable);

		execution.setVariable(Variables.CASE_REFERENCE, reference);
		execution.setVariable(Variables.CASE_OPENED_AT, Date.from(now));
		execution.setVariable(Variables.IDENTIFIED_AT, Date.from(report.newCase().identifiedAt()));
		execution.setVariable(Variables.EXPLOITATION_TYPES, report.exploitationTypes());
		execution.setVariable(Variables.INDICATORS_SEEN, report.indicatorsSeen());
		execution.setVariable(Variables.AGE_UNCERTAIN, report.newCase().ageUncertain());
		execution.setVariable(Variables.MAY_BE_UNDER_18, report.mayBeUnder18());
		execution.setVariable(Variables.INTERPRETER_NEEDED, report.interpreterNeeded());
		execution.setVariable(Variables.ICTG_AREA, ictgArea);
		execution.setVariable(Variables.MASH_SECURE_CHANNEL, mashSecureChannel);
		execution.setVariable(Variables.CHILDRENS_SERVICES_NOTIFIED, false);
		execution.setVariable(Variables.LIAISON_OFFICER, null);
		execution.setVariable(Variables.NRM_SUBMITTED, false);
		execution.setVariable(Variables.DUTY_TO_NOTIFY_SUBMITTED, false);
		execution.setVariable(Variables.CLOSURE_REVIEW_DUE, false);
		execution.setVariable(Variables.CLOSURE_REQUESTED, false);
		execution.setVariable(Variables.REFERRAL_REROUTED, false);
		execution.setVariable(Variables.UNDECIDED_CONTACTS, 0);
		execution.setVariable(Variables.LATEST_NEGATIVE_DECISION, null);
		execution.setVariable(Variables.LAST_REVIEW_AT, Date.from(now));
		execution.setVariable(Variables.MAX_UNDECIDED_CONTACTS, policy.getMaxUndecidedContacts());
		execution.setVariable(Variables.RECONTACT_INTERVAL, policy.getRecontactInterval());
		execution.setVariable(Variables.REVISIT_CONSENT_INTERVAL, policy.getRevisitConsentInterval());
		execution.setVariable(Variables.SUPERVISORY_REVIEW_INTERVAL, policy.getSupervisoryReviewInterval());
		execution.setVariable(Variables.NOTIFICATION_RETRY_CYCLE, policy.getNotificationRetryCycle());
		// what the start form asked that the journey routes on (issue 10)
		execution.setVariable(Variables.DEPENDANT_CHILDREN_PRESENT,
				Boolean.TRUE.equals(execution.getVariable(Variables.DEPENDANT_CHILDREN_PRESENT)));
		execution.setVariable(Variables.OTHER_VICTIMS_PRESENT,
				Boolean.TRUE.equals(execution.getVariable(Variables.OTHER_VICTIMS_PRESENT)));
		execution.setVariable(Variables.CONSENT_WITHDRAWN, false);
		String existingNrmReference = ExistingNrmReferral.read(execution);
		execution.setVariable(Variables.REFERRED_BY_ANOTHER_AGENCY, existingNrmReference != null);
		if (existingNrmReference != null) {
			execution.setVariable(Variables.NRM_REFERENCE, existingNrmReference);
			execution.setVariable(Variables.NRM_SUBMITTED, true);
		}
	}

}
