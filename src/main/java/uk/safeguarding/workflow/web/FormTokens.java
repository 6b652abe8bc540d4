package uk.safeguarding.workflow.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A per-session token every form of the product's pages carries (hidden field
 * {@value #PARAMETER}) and every change checks, so that another site cannot make a
 * signed-in browser sign in, sign out or act on a case (cross-site request forgery). Not
 * Spring Security's token: without single sign-on Spring Security is not in the request
 * path at all.
 */
public final class FormTokens {

	public static final String PARAMETER = "formToken";

	static final String SESSION_ATTRIBUTE = FormTokens.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	private FormTokens() {
	}

	/** The session's token, made on first use. */
	public static String of(HttpSession session) {
		Object token = session.getAttribute(SESSION_ATTRIBUTE);
		if (token instanceof String existing) {
			return existing;
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(SESSION_ATTRIBUTE, made);
		return made;
	}

	/** Whether the request carries its session's token. */
	public static boolean isValid(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String sent = request.getParameter(PARAMETER);
		Object expected = (session != null) ? session.getAttribute(SESSION_ATTRIBUTE) : null;
		return sent != null && expected instanceof String token
				&& MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
	}

}
