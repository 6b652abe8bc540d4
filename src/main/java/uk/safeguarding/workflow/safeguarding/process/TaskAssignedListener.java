package uk.safeguarding.workflow.safeguarding.process;

import uk.safeguarding.workflow.process.StepListener;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;

/**
 * On every assignment of a human step to a named person: a TASK_ASSIGNED notice to their
 * email address with the case reference and the step's name only. Stored in the
 * assignment's transaction; once per task and assignee.
 */
@Component
public class TaskAssignedListener implements StepListener {

	private final ObjectProvider<SafeguardingNotifier> notifier;

	// lazy: the engine's plugins are built before the engine's services exist
	public TaskAssignedListener(ObjectProvider<SafeguardingNotifier> notifier) {
		this.notifier = notifier;
	}

	@Override
	public void notify(DelegateTask task) {
		String assignee = task.getAssignee();
		String reference = task.getExecution().getProcessBusinessKey();
		if (assignee == null || reference == null) {
			return;
		}
		String step = (task.getName() != null) ? task.getName() : task.getTaskDefinitionKey();
		this.notifier.getObject()
			.notifyAssignee(reference, assignee, step, "task-" + task.getId() + "-" + assignee,
					task.getProcessInstanceId());
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_ASSIGNMENT);
	}

	@Override
	public int getOrder() {
		// the notice before access: the order the assignment listeners always ran in
		return CASE_RECORD;
	}

}
