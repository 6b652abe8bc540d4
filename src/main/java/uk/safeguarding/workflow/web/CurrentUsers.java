package uk.safeguarding.workflow.web;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Finds who is signed in, the same way the webapps do, so one login serves Tasklist and
 * the product's pages: the webapps' session login (made by Tasklist's login form, the
 * product's sign-in page, or with single sign-on by the webapps' container-based filter),
 * or else the person signed in through single sign-on. Only users the identity service
 * knows count.
 */
@Component
public class CurrentUsers {

	static final String ENGINE = "default";

	private final IdentityService identity;

	public CurrentUsers(IdentityService identity) {
		this.identity = identity;
	}

	public Optional<CurrentUser> of(HttpServletRequest request) {
		String userId = webappLogin(request);
		if (userId == null) {
			userId = singleSignOnLogin();
		}
		if (userId == null || this.identity.createUserQuery().userId(userId).count() != 1) {
			return Optional.empty();
		}
		Set<String> groups = new LinkedHashSet<>();
		for (Group group : this.identity.createGroupQuery().groupMember(userId).list()) {
			groups.add(group.getId());
		}
		return Optional.of(new CurrentUser(userId, groups));
	}

	private static String webappLogin(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
		Authentication login = (logins != null) ? logins.getAuthenticationForProcessEngine(ENGINE) : null;
		return (login != null) ? login.getName() : null;
	}

	private static String singleSignOnLogin() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof OAuth2AuthenticationToken token && token.isAuthenticated()) ? token.getName()
				: null;
	}

}
