package uk.safeguarding.workflow.victimcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Pathway;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/** The rule for {@code ConsentWithdrawn}, whoever sends it. */
public final class ConsentWithdrawal {

	private ConsentWithdrawal() {
	}

	/**
	 * Refuses a withdrawal that has nothing to withdraw.
	 * @param latestConsent the latest NRM consent answer in the ledger, or {@code null}
	 */
	public static void check(DelegateExecution execution, String latestConsent) {
		if (Pathway.CHILD.equals(execution.getVariable(Variables.PATHWAY))) {
			throw new SafeguardingRuleViolation(Messages.CONSENT_WITHDRAWN,
					"A child is never asked for consent: a child's NRM referral does not depend on it, so there is nothing to withdraw.");
		}
		if (Boolean.TRUE.equals(execution.getVariable(Variables.REFERRED_BY_ANOTHER_AGENCY))) {
			throw new SafeguardingRuleViolation(Messages.CONSENT_WITHDRAWN,
					"The NRM referral was made by another agency: tell that agency or the competent authority directly.");
		}
		if (!"GIVEN".equals(latestConsent)) {
			throw new SafeguardingRuleViolation(Messages.CONSENT_WITHDRAWN,
					"No consent to an NRM referral stands on this case (the latest answer is "
							+ ((latestConsent != null) ? latestConsent.toLowerCase(java.util.Locale.ROOT)
									: "not recorded")
							+ "), so there is nothing to withdraw.");
		}
	}

}
