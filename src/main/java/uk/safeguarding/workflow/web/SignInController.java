package uk.safeguarding.workflow.web;

import java.util.Date;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The product's sign-in page: the user's Camunda username and password, checked by the
 * identity service (which also applies its login throttling: after wrong passwords the
 * user must wait, even with the right one), then the same session login the webapps make,
 * so that Tasklist needs no second login. With single sign-on there are no passwords
 * here: the provider signs people in (and signing out ends both sessions).
 */
@Controller
class SignInController {

	static final String DEFAULT_PAGE = "/oversight";

	private static final int MAX_FIELD = 128;

	private final ProcessEngine engine;

	private final boolean singleSignOn;

	SignInController(ProcessEngine engine, ObjectProvider<ClientRegistrationRepository> singleSignOn) {
		this.engine = engine;
		this.singleSignOn = singleSignOn.getIfAvailable() != null;
	}

	@GetMapping("/signin")
	String form(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
		if (this.singleSignOn) {
			return "redirect:" + safeNext(next);
		}
		model.addAttribute("next", safeNext(next));
		model.addAttribute("formToken", FormTokens.of(request.getSession()));
		return "signin/signin";
	}

	@PostMapping("/signin")
	String signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (this.singleSignOn) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "redirect:" + safeNext(next);
		}
		String user = (username != null) ? username.strip() : "";
		model.addAttribute("next", safeNext(next));
		model.addAttribute("username", (user.length() <= MAX_FIELD) ? user : "");
		if (user.isEmpty() || password == null || password.isEmpty()) {
			model.addAttribute("usernameError", user.isEmpty() ? "Enter your username" : null);
			model.addAttribute("passwordError",
					(password == null || password.isEmpty()) ? "Enter your password" : null);
			return refused(response, HttpServletResponse.SC_BAD_REQUEST, request, model);
		}
		if (user.length() > MAX_FIELD || password.length() > MAX_FIELD
				|| !this.engine.getIdentityService().checkPassword(user, password)) {
			model.addAttribute("signInError", "The username or password is not right. "
					+ "After several wrong tries you must wait a little before you can sign in again.");
			return refused(response, HttpServletResponse.SC_UNAUTHORIZED, request, model);
		}
		UserAuthentication login = AuthenticationUtil.createAuthentication(this.engine, user);
		if (login == null) {
			model.addAttribute("signInError", "The username or password is not right.");
			return refused(response, HttpServletResponse.SC_UNAUTHORIZED, request, model);
		}
		Date cacheValidation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
		if (cacheValidation != null) {
			login.setCacheValidationTime(cacheValidation);
		}
		// a new session (no fixation), holding the same login the webapps' own login
		// makes
		AuthenticationUtil.revalidateSession(request, login);
		return "redirect:" + safeNext(next);
	}

	@PostMapping("/signout")
	String signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/signin?signedOut";
	}

	private static String refused(HttpServletResponse response, int status, HttpServletRequest request, Model model) {
		response.setStatus(status);
		model.addAttribute("formToken", FormTokens.of(request.getSession()));
		return "signin/signin";
	}

	/**
	 * Where to go after signing in: a path of this service only (never another site), the
	 * dashboard otherwise.
	 */
	static String safeNext(String next) {
		if (next == null || next.isBlank() || next.length() > 500 || !next.startsWith("/") || next.startsWith("//")
				|| next.contains("\\") || next.startsWith("/signin")
				|| next.chars().anyMatch(Character::isISOControl)) {
			return DEFAULT_PAGE;
		}
		return next;
	}

}
