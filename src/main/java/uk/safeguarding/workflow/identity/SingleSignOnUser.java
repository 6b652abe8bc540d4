package uk.safeguarding.workflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * The person signed in through the OpenID Connect provider, as a Camunda user id: the
 * value of the configured user-name claim ({@code preferred_username} unless set
 * otherwise). Only people the force has provisioned in Camunda's identity service count:
 * their groups, and so the engine's authorizations, come from there, never from the
 * token.
 */
final class SingleSignOnUser {

	private SingleSignOnUser() {
	}

	/**
	 * The signed-in person's Camunda user id, or {@code null} when nobody signed in
	 * through the provider or the user is not (or no longer) provisioned.
	 */
	static String current(IdentityService identity) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof OAuth2AuthenticationToken token) || !token.isAuthenticated()) {
			return null;
		}
		String userId = token.getName();
		return isProvisioned(identity, userId) ? userId : null;
	}

	static boolean isProvisioned(IdentityService identity, String userId) {
		return userId != null && !userId.isBlank() && identity.createUserQuery().userId(userId).count() == 1;
	}

}
