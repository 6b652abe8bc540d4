package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.Notice;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;

/** {@code ServiceTask_NotifySafeguardingHub} and the hub notice of a missing episode. */
@Component("notifySafeguardingHubDelegate")
public class NotifySafeguardingHubDelegate implements JavaDelegate {

	private final SafeguardingNotifier notifier;

	public NotifySafeguardingHubDelegate(SafeguardingNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Notice notice = Notice.valueOf((String) execution.getVariable(Variables.NOTICE));
		boolean childrenKnow = this.notifier.notifyHub(execution.getProcessBusinessKey(), notice,
				Occasion.of(execution), execution.getProcessInstanceId());
		if (childrenKnow) {
			execution.setVariable(Variables.CHILDRENS_SERVICES_NOTIFIED, true);
		}
	}

}
