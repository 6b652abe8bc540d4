package uk.safeguarding.workflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Logs the person signed in through the OpenID Connect provider into the webapps
 * (Tasklist, Cockpit, Admin) as their Camunda user; Camunda's
 * {@code ContainerBasedAuthenticationFilter} then loads their groups and the apps they
 * may use from the identity service. Made by that filter from its class name.
 */
public class SingleSignOnWebappAuthenticationProvider implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		String userId = SingleSignOnUser.current(engine.getIdentityService());
		return (userId != null) ? AuthenticationResult.successful(userId) : AuthenticationResult.unsuccessful();
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// no challenge: the browser signs in through the provider (Spring Security)
	}

}
