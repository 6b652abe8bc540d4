package uk.safeguarding.workflow.identity;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default grants, except one: a candidate group on a task no longer gives the
 * whole group the task (that would open every case of a step to every member of its
 * group). {@link CaseAccess} decides who of the group may see and work each case's steps.
 * Assignees keep the engine's grant on the task they are given.
 */
public class CaseAuthorizationProvider extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		return new AuthorizationEntity[0];
	}

}
