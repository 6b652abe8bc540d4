package uk.safeguarding.workflow.deadlines.process;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the due-date listener to every user task of every deployed process, as a built-in
 * {@code create} listener: built-in listeners run before the model's own task listeners,
 * so those already see the due date.
 */
public class DeadlinesParseListener extends AbstractBpmnParseListener {

	private final TaskListener dueDateListener;

	public DeadlinesParseListener(TaskListener dueDateListener) {
		this.dueDateListener = Objects.requireNonNull(dueDateListener, "dueDateListener");
	}

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
			userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this.dueDateListener);
		}
	}

}
