package uk.safeguarding.workflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * Who is making a request: the engine REST API's HTTP Basic user, or the user logged in
 * to the webapps' session.
 */
final class RequestUser {

	private RequestUser() {
	}

	static String id(IdentityService identity, HttpServletRequest request) {
		Authentication current = identity.getCurrentAuthentication();
		if (current != null) {
			return current.getUserId();
		}
		Authentications authentications = webappLogins(request);
		if (authentications != null && authentications.getAuthenticationForProcessEngine("default") != null) {
			return authentications.getAuthenticationForProcessEngine("default").getName();
		}
		return null;
	}

	/** The webapps' logins kept in the session, or null when there is none. */
	static Authentications webappLogins(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
	}

	/** A member of the break-glass {@code camunda-admin} group. */
	static boolean isBreakGlassAdministrator(IdentityService identity, HttpServletRequest request) {
		String userId = id(identity, request);
		return userId != null
				&& identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINISTRATORS).count() > 0;
	}

}
