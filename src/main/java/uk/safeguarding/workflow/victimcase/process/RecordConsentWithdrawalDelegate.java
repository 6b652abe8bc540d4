package uk.safeguarding.workflow.victimcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.identity.CaseActor;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * {@code ServiceTask_RecordConsentWithdrawal}: checks that there is a consent to withdraw
 * and writes the withdrawal into the consent ledger. The message carries no values:
 * whether the referral is stopped or the competent authority told follows from
 * {@code nrmSubmitted}, which only the server writes.
 */
@Component("recordConsentWithdrawalDelegate")
public class RecordConsentWithdrawalDelegate implements JavaDelegate {

	private final VictimCaseService cases;

	public RecordConsentWithdrawalDelegate(VictimCaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = execution.getProcessBusinessKey();
		ConsentWithdrawal.check(execution, this.cases.latestNrmConsent(reference).map(Enum::name).orElse(null));
		String actor = CaseActor.of(execution);
		this.cases.recordConsentWithdrawal(reference, actor,
				Boolean.TRUE.equals(execution.getVariable(Variables.NRM_SUBMITTED)), JourneyTime.now());
	}

}
