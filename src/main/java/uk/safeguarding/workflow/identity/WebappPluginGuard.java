package uk.safeguarding.workflow.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's webapps let anyone logged in call the Cockpit and Admin plugin APIs
 * ({@code /camunda/api/cockpit/plugin/...}, {@code /camunda/api/admin/plugin/...}): their
 * rules only ask for a login, not for the application. This filter asks for the
 * application too (managers have Cockpit; administrators have Admin), so the statistics
 * and search behind Cockpit are not open to every Tasklist user. Static plugin assets
 * stay open, as the webapps need them before login.
 */
class WebappPluginGuard extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String application = path.startsWith("/camunda/api/cockpit/plugin/") ? "cockpit"
				: path.startsWith("/camunda/api/admin/plugin/") ? "admin" : null;
		if (application == null || path.contains("/static/")) {
			chain.doFilter(request, response);
			return;
		}
		if (!hasApplication(request, application)) {
			ErrorResponses.send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
					"This needs access to " + (application.equals("cockpit") ? "Cockpit" : "Admin")
							+ ", which you do not have.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasApplication(HttpServletRequest request, String application) {
		Authentications authentications = RequestUser.webappLogins(request);
		if (authentications == null) {
			// not logged in: the webapps' own filter answers 401
			return true;
		}
		return authentications.getAuthentications()
			.stream()
			.filter(UserAuthentication.class::isInstance)
			.map(UserAuthentication.class::cast)
			.anyMatch((user) -> user.getAuthorizedApps() != null && user.getAuthorizedApps().contains(application));
	}

}
