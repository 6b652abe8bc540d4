package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;

/**
 * {@code ServiceTask_AlertSupervisors}: immediate risk, so the supervisors are alerted at
 * once.
 */
@Component("alertSupervisorsDelegate")
public class AlertSupervisorsDelegate implements JavaDelegate {

	private final SafeguardingNotifier notifier;

	public AlertSupervisorsDelegate(SafeguardingNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.notifier.alertSupervisors(execution.getProcessBusinessKey(), Groups.SUPERVISORS,
				execution.getProcessInstanceId());
	}

}
