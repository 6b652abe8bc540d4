package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.Notice;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;

/**
 * {@code ServiceTask_ReferToIctg} and the ICTG notices of a missing episode or an age
 * assessment.
 */
@Component("referToIctgDelegate")
public class ReferToIctgDelegate implements JavaDelegate {

	private final SafeguardingNotifier notifier;

	public ReferToIctgDelegate(SafeguardingNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Notice notice = Notice.valueOf((String) execution.getVariable(Variables.NOTICE));
		this.notifier.referToIctg(execution.getProcessBusinessKey(), notice, Occasion.of(execution),
				execution.getProcessInstanceId());
	}

}
