package uk.safeguarding.workflow.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * The actuator endpoints for managers only: HTTP Basic against the engine's identity
 * service (as {@code /api}). {@code /actuator/health} stays open without a login (its
 * status only); every other endpoint answers 401 without valid credentials and 403 to
 * anyone not in {@code managers} (or the break-glass {@code camunda-admin}). A valid
 * login is passed on as the request's user, with their groups as roles, so the health
 * endpoint shows its components (database, job executor) to managers only
 * ({@code management.endpoint.health.roles}). Wrong passwords count towards the engine's
 * login throttling.
 */
class ManagementEndpointGuard extends OncePerRequestFilter {

	private static final Set<String> ALLOWED = Set.of(Groups.MANAGERS, Groups.ADMINISTRATORS);

	private final IdentityService identity;

	ManagementEndpointGuard(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			if (open) {
				chain.doFilter(request, response);
			}
			else {
				refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Log in as a manager (HTTP Basic).");
			}
			return;
		}
		String[] credentials = decode(header.substring(6).strip());
		if (credentials == null || !this.identity.checkPassword(credentials[0], credentials[1])) {
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "The user name or password is not right.");
			return;
		}
		String user = credentials[0];
		Set<String> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
		if (!open && groups.stream().noneMatch(ALLOWED::contains)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, "Metrics are for managers only.");
			return;
		}
		chain.doFilter(new Authenticated(request, user, groups), response);
	}

	private static String[] decode(String token) {
		try {
			String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			return (colon > 0) ? new String[] { text.substring(0, colon), text.substring(colon + 1) } : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"victim-safeguarding\", charset=\"UTF-8\"");
		}
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"" + ((status == 401) ? "AuthenticationException" : "AuthorizationException")
					+ "\",\"message\":\"" + message + "\"}");
	}

	/** The logged-in manager, with their groups as roles. */
	private static final class Authenticated extends HttpServletRequestWrapper {

		private final String user;

		private final Set<String> groups;

		Authenticated(HttpServletRequest request, String user, Set<String> groups) {
			super(request);
			this.user = user;
			this.groups = groups;
		}

		@Override
		public Principal getUserPrincipal() {
			return () -> this.user;
		}

		@Override
		public String getRemoteUser() {
			return this.user;
		}

		@Override
		public boolean isUserInRole(String role) {
			return this.groups.contains(role);
		}

	}

}
