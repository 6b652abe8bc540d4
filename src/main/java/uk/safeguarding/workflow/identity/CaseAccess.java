package uk.safeguarding.workflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Opens a case to a person connected to it (the reporting officer, the allocated
 * investigator, the deployed liaison officer, the case's supervisor): they may read its
 * process instance. Group membership alone opens no case.
 */
@Service
public class CaseAccess {

	private final AuthorizationService authorizations;

	public CaseAccess(@Lazy AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	/**
	 * Grants a connected person read access to the case's process instance. Runs inside
	 * the engine command that connects them, without the caller needing rights over
	 * authorizations.
	 */
	public void connect(String userId, String processInstanceId) {
		if (userId == null || processInstanceId == null) {
			return;
		}
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			context.runWithoutAuthorization(() -> {
				grant(userId, processInstanceId);
				return null;
			});
		}
		else {
			grant(userId, processInstanceId);
		}
	}

	private void grant(String userId, String processInstanceId) {
		boolean exists = this.authorizations.createAuthorizationQuery()
			.userIdIn(userId)
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId(processInstanceId)
			.count() > 0;
		if (exists) {
			return;
		}
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setUserId(userId);
		authorization.setResource(Resources.PROCESS_INSTANCE);
		authorization.setResourceId(processInstanceId);
		authorization.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(authorization);
	}

}
