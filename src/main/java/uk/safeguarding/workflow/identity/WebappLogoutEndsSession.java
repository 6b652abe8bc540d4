package uk.safeguarding.workflow.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With single sign-on, the webapps' own "Log out" (which only forgets the webapps' login)
 * ends the whole session, the single sign-on login with it: otherwise the next request
 * would log the same person straight back in. Runs around the webapps' logout so that
 * their CSRF check still decides first.
 */
class WebappLogoutEndsSession extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")
				&& response.getStatus() < 300) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
		}
	}

}
