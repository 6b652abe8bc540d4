package uk.safeguarding.workflow.victimcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.safeguarding.workflow.process.FormValues;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Pathway;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * Reads the {@code AgeAssessmentCompleted} message and sets what the journey re-routes
 * on.
 */
public final class AgeAssessment {

	private AgeAssessment() {
	}

	public static boolean assessedAdult(DelegateExecution execution) {
		return new FormValues(execution).requiredBoolean(Variables.ASSESSED_ADULT,
				"The age assessment result (message AgeAssessmentCompleted)");
	}

	/**
	 * Works out the change without a case record (used where the engine runs alone).
	 */
	public static String change(DelegateExecution execution, boolean assessedAdult) {
		String pathway = assessedAdult ? Pathway.ADULT : Pathway.CHILD;
		if (pathway.equals(execution.getVariable(Variables.PATHWAY))) {
			return "UNCHANGED";
		}
		return assessedAdult ? "NOW_ADULT" : "NOW_CHILD";
	}

	public static void apply(DelegateExecution execution, String change) {
		execution.setVariable(Variables.AGE_REASSESSMENT, change);
		if ("NOW_ADULT".equals(change)) {
			execution.setVariable(Variables.PATHWAY, Pathway.ADULT);
			execution.setVariable(Variables.AGE_UNCERTAIN, false);
			execution.setVariable(Variables.MAY_BE_UNDER_18, false);
		}
		if ("NOW_CHILD".equals(change)) {
			execution.setVariable(Variables.PATHWAY, Pathway.CHILD);
			execution.setVariable(Variables.AGE_UNCERTAIN, false);
			execution.setVariable(Variables.MAY_BE_UNDER_18, true);
			// childrensServicesNotified stays as it is: a notice about an adult told
			// no one of a child, so the child path records the referral
		}
	}

}
