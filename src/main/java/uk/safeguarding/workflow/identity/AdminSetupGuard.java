package uk.safeguarding.workflow.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's initial-setup endpoint creates an administrator without logging in.
 * Camunda only closes it while the {@code camunda-admin} group has a direct member, so an
 * installation whose administrators hold their rights through authorizations (the
 * break-glass group kept empty, as the README recommends) would let anyone make
 * themselves administrator. The product closes it as soon as any user exists: setup is
 * for an empty installation only.
 */
class AdminSetupGuard extends OncePerRequestFilter {

	private final IdentityService identity;

	AdminSetupGuard(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.identity.createUserQuery().count() > 0) {
			ErrorResponses.send(response, HttpServletResponse.SC_FORBIDDEN, "SetupClosed",
					"Initial setup is closed: users already exist. Ask an administrator to create your account.");
			return;
		}
		chain.doFilter(request, response);
	}

}
