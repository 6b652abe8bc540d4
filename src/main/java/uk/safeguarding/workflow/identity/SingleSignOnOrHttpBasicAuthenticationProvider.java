package uk.safeguarding.workflow.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * The product's API ({@code /api}) with single sign-on on: the person signed in through
 * the OpenID Connect provider (the product's pages call it from the browser), or else
 * HTTP Basic against the identity service as before (machine clients). Made by Camunda's
 * {@code ProcessEngineAuthenticationFilter} from its class name.
 */
public class SingleSignOnOrHttpBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		if (request.getHeader("Authorization") == null) {
			String userId = SingleSignOnUser.current(engine.getIdentityService());
			if (userId != null) {
				return AuthenticationResult.successful(userId);
			}
		}
		return super.extractAuthenticatedUser(request, engine);
	}

}
