package uk.safeguarding.workflow.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout ({@code templates/layout/page.html}) needs on every page, error pages
 * included: who is signed in, the navigation with the current section marked, the form
 * token, and where signing out posts to.
 */
@ControllerAdvice
class LayoutAttributes {

	static final String TASKLIST = "/camunda/app/tasklist/default/";

	/** One item of the service navigation. */
	public record NavigationItem(String text, String href, boolean current) {
	}

	private final CurrentUsers users;

	private final boolean singleSignOn;

	LayoutAttributes(CurrentUsers users, ObjectProvider<ClientRegistrationRepository> singleSignOn) {
		this.users = users;
		this.singleSignOn = singleSignOn.getIfAvailable() != null;
	}

	@ModelAttribute
	void layout(HttpServletRequest request, org.springframework.ui.Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			// the product's JSON API has no layout: no look-up of the person for it
			return;
		}
		CurrentUser user = ProductPages.current(request, this.users);
		model.addAttribute("currentUser", user);
		List<NavigationItem> navigation = new ArrayList<>();
		if (user != null) {
			if (user.mayOversee()) {
				navigation.add(new NavigationItem("Oversight", "/oversight", path.startsWith("/oversight")));
			}
			navigation.add(new NavigationItem("My cases", "/cases", path.startsWith("/cases")));
			navigation.add(new NavigationItem("Tasklist", TASKLIST, false));
		}
		model.addAttribute("navigation", navigation);
		HttpSession session = request.getSession(false);
		if (user != null && session != null && !model.containsAttribute("formToken")) {
			model.addAttribute("formToken", FormTokens.of(session));
		}
		// with single sign-on, Spring Security's logout also ends the provider's session
		model.addAttribute("signOutAction", this.singleSignOn ? "/logout" : "/signout");
	}

}
