package uk.safeguarding.workflow.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's access in step with the journey (see {@link CaseAccess}): a new step
 * is opened to the connected people of its group (or, while none is connected, to the
 * group); a person a step is assigned to is connected to the case; when a step is done,
 * the people it connected (an allocated investigator, a deployed liaison officer, the
 * supervisor who acted) get the case's open steps, and a group's open access ends once
 * one of its members holds the case.
 */
@Component
public class CaseAccessTaskListener implements TaskListener {

	private final CaseAccess access;

	public CaseAccessTaskListener(CaseAccess access) {
		this.access = access;
	}

	@Override
	public void notify(DelegateTask task) {
		String processInstanceId = task.getProcessInstanceId();
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> {
				this.access.connect(task.getAssignee(), processInstanceId);
				this.access.openTask(processInstanceId, task.getId(), task.getCandidates());
			}
			case EVENTNAME_ASSIGNMENT -> {
				if (task.getAssignee() != null) {
					this.access.connect(task.getAssignee(), processInstanceId);
					this.access.refresh(processInstanceId, null);
				}
			}
			case EVENTNAME_COMPLETE -> this.access.refresh(processInstanceId, task.getId());
			default -> {
			}
		}
	}

}
