package uk.safeguarding.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;

/**
 * The product's own pages as a browser meets them: sent to sign in and back, one login
 * for the pages and Tasklist, refusals as styled pages (never a Whitelabel page or a
 * stack trace), forms that only work with the session's token, a strict CSP.
 */
@SharedApplicationTest
public class ProductPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	Browser browser() {
		return new Browser("http://localhost:" + this.port);
	}

	@Test
	void anonymous_isSentToSignIn_andBackToThePageAskedFor() throws Exception {
		Browser browser = browser();
		HttpResponse<String> page = browser.get("/oversight?area=W06000015");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow())
			.endsWith("/signin?next=" + URLEncoder.encode("/oversight?area=W06000015", StandardCharsets.UTF_8));

		HttpResponse<String> signedIn = browser.signIn("manager", RestJourney.PASSWORD, "/oversight?area=W06000015");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/oversight?area=W06000015");

		HttpResponse<String> dashboard = browser.get("/oversight");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Victim Safeguarding Workflow", "Signed in as", "manager",
				"Skip to main content", "id=\"main-content\"");
		assertThat(dashboard.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'", "style-src 'self'")
			.doesNotContain("unsafe-inline");
	}

	@Test
	void oneLogin_servesThePagesAndTasklist() throws Exception {
		Browser browser = browser();
		browser.signIn("supervisor", RestJourney.PASSWORD, "/oversight");
		HttpResponse<String> tasklistLogin = browser.get("/camunda/api/admin/auth/user/default", "application/json");
		assertThat(tasklistLogin.statusCode()).isEqualTo(200);
		assertThat(tasklistLogin.body()).contains("\"userId\":\"supervisor\"");
	}

	@Test
	void signIn_wrongPasswordOrMissingFields_areRefusedWithAPageSayingWhat() throws Exception {
		if (this.identity.createUserQuery().userId("pagesthrottled").count() == 0) {
			User user = this.identity.newUser("pagesthrottled");
			user.setPassword("Pages-Throttled-1!");
			this.identity.saveUser(user);
		}
		Browser browser = browser();
		HttpResponse<String> empty = browser.signIn("", "", "/oversight");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("There is a problem", "Enter your username", "Enter your password");

		HttpResponse<String> wrong = browser.signIn("pagesthrottled", "Not-The-Password-1!", "/oversight");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("The username or password is not right")
			.doesNotContain("Not-The-Password-1!");
		// the identity service's throttling holds: straight after a wrong try, even the
		// right password is refused
		assertThat(browser.signIn("pagesthrottled", "Pages-Throttled-1!", "/oversight").statusCode()).isEqualTo(401);
		assertThat(browser.get("/oversight").statusCode()).as("still not signed in").isEqualTo(302);
	}

	@Test
	void forms_withoutTheSessionsToken_areRefused() throws Exception {
		Browser browser = browser();
		browser.get("/signin");
		HttpResponse<String> forged = browser.post("/signin",
				"username=manager&password=" + URLEncoder.encode(RestJourney.PASSWORD, StandardCharsets.UTF_8));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("You cannot see this page").doesNotContain("Whitelabel");
		assertThat(browser.get("/oversight").statusCode()).as("not signed in").isEqualTo(302);
	}

	@Test
	void signOut_endsTheLoginForThePagesAndTasklist() throws Exception {
		Browser browser = browser();
		browser.signIn("manager", RestJourney.PASSWORD, "/oversight");
		String token = browser.formToken("/oversight");
		HttpResponse<String> signedOut = browser.post("/signout", "formToken=" + token);
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/signin?signedOut");
		assertThat(browser.get("/oversight").statusCode()).isEqualTo(302);
		assertThat(browser.get("/camunda/api/admin/auth/user/default", "application/json").statusCode()).isIn(401, 403,
				404);
	}

	@Test
	void errors_areStyledPages_withoutDetails() throws Exception {
		Browser browser = browser();
		browser.signIn("officer", RestJourney.PASSWORD, "/oversight");
		HttpResponse<String> refused = browser.get("/oversight");
		assertThat(refused.statusCode()).as("an officer is not an overseer").isEqualTo(403);
		assertThat(refused.body()).contains("You cannot see this page", "govuk-frontend.min.css")
			.doesNotContain("Whitelabel", "Exception", "at uk.");
		HttpResponse<String> missing = browser.get("/no-such-page");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Page not found").doesNotContain("Whitelabel");
	}

	@Test
	void signIn_neverSendsAnywhereElse() throws Exception {
		HttpResponse<String> signedIn = browser().signIn("manager", RestJourney.PASSWORD, "//evil.example/x");
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("evil")
			.endsWith("/oversight");
	}

	/** A browser without JavaScript: cookies kept, redirects not followed. */
	public static final class Browser {

		private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

		private final String base;

		private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build();

		public Browser(String base) {
			this.base = base;
		}

		public HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return get(path, "text/html");
		}

		public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
			return this.client.send(java.net.http.HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Accept", accept)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return this.client.send(java.net.http.HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		public String formToken(String path) throws IOException, InterruptedException {
			Matcher token = TOKEN.matcher(get(path).body());
			assertThat(token.find()).as("a form token on " + path).isTrue();
			return token.group(1);
		}

		public HttpResponse<String> signIn(String user, String password, String next)
				throws IOException, InterruptedException {
			String token = formToken("/signin");
			return post("/signin", "formToken=" + token + "&username=" + enc(user) + "&password=" + enc(password)
					+ "&next=" + enc(next));
		}

		private static String enc(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
