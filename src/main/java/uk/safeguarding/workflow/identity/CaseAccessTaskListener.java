package uk.safeguarding.workflow.identity;

import uk.safeguarding.workflow.process.StepListener;
import java.util.Set;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * Keeps each case's access in step with the journey (see {@link CaseAccess}): a new step
 * is opened to the connected people of its group (or, while none is connected, to the
 * group); a person a step is assigned to is connected to the case; when a step is done,
 * the people it names (an allocated investigator, a deployed liaison officer, the
 * supervisor who acted) and whoever did it are connected. Only when someone new is
 * connected is the case's access recomputed: they get its open steps, and a group's open
 * access ends once one of its members holds the case.
 */
@Component
public class CaseAccessTaskListener implements StepListener {

	private static final List<String> CONNECTING_VARIABLES = List.of(Variables.INVESTIGATOR, Variables.LIAISON_OFFICER,
			Variables.CASE_SUPERVISOR);

	private final CaseAccess access;

	public CaseAccessTaskListener(CaseAccess access) {
		this.access = access;
	}

	@Override
	public void notify(DelegateTask task) {
		String processInstanceId = task.getProcessInstanceId();
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> {
				if (this.access.connect(task.getAssignee(), processInstanceId)) {
					this.access.refresh(processInstanceId, null);
				}
				this.access.openTask(processInstanceId, task.getId(), task.getCandidates());
			}
			case EVENTNAME_ASSIGNMENT -> {
				if (this.access.connect(task.getAssignee(), processInstanceId)) {
					this.access.refresh(processInstanceId, null);
				}
			}
			case EVENTNAME_COMPLETE -> {
				// the people the step names, and whoever did it, connected in one go
				// (the case's grants read once)
				List<String> people = new java.util.ArrayList<>();
				for (String variable : CONNECTING_VARIABLES) {
					if (task.getVariable(variable) instanceof String person) {
						people.add(person);
					}
				}
				people.add(CaseActor.of(task));
				boolean connected = this.access.connect(people, processInstanceId);
				if (connected) {
					this.access.refresh(processInstanceId, task.getId());
				}
			}
			default -> {
			}
		}
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE);
	}

	@Override
	public int getOrder() {
		return CASE_ACCESS;
	}

}
