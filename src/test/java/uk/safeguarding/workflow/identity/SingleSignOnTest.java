package uk.safeguarding.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.OidcProvider;

/**
 * Authentication everywhere, with single sign-on: the application runs with the
 * {@code sso} profile against a real OpenID Connect provider (NAV's mock-oauth2-server,
 * started here on a free port), and a cookie-keeping HTTP client walks the authorization
 * code flow as a browser does, following each redirect itself. The provider's subject is
 * an opaque id; the Camunda user comes from the {@code preferred_username} claim.
 */
// its own application context (the sso profile), after the browser and PostgreSQL tests
// and closed after it: the webapps find their engine by name ("default") in a JVM-wide
// registry that only one live application may hold
@Order(3)
@DirtiesContext
@ActiveProfiles({ "local", "sso" })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sso;DB_CLOSE_DELAY=-1",
				"SAFEGUARDING_DEMO_PASSWORD=" + RestJourney.PASSWORD, "spring.mail.host=127.0.0.1",
				"spring.mail.port=3027", "safeguarding.local-mail.enabled=false" })
class SingleSignOnTest {

	static final String ISSUER_ID = "force-idp";

	static final OidcProvider PROVIDER = OidcProvider.start();

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry registry) {
		// as the environment variables the sso profile reads (README "Single sign-on")
		registry.add("SAFEGUARDING_SSO_ISSUER_URI", () -> PROVIDER.issuer(ISSUER_ID));
		registry.add("SAFEGUARDING_SSO_CLIENT_ID", () -> "victim-safeguarding-workflow");
		registry.add("SAFEGUARDING_SSO_CLIENT_SECRET", () -> "test-client-secret-" + UUID.randomUUID());
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.close();
	}

	@Test
	void authenticationEverywhere_singleSignOnThroughOpenIdConnect_logsAProvisionedPersonIntoTheWebappsAsTheirCamundaUser()
			throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> signedIn = signIn(browser, "/camunda/app/tasklist/default/", "supervisor");
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");

		// the webapps know them as Camunda user "supervisor", with the apps their groups
		// allow
		JsonNode user = JSON.readTree(browser.get(app("/camunda/api/admin/auth/user/default")).body());
		assertThat(user.path("userId").asText()).isEqualTo("supervisor");
		assertThat(user.path("authorizedApps").toString()).contains("\"tasklist\"")
			.doesNotContain("\"cockpit\"", "\"admin\"");
		// and the engine applies that user's authorizations
		HttpResponse<String> profile = browser.get(app("/camunda/api/engine/engine/default/user/supervisor/profile"));
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		assertThat(JSON.readTree(profile.body()).path("firstName").asText()).isEqualTo("Sam");
		HttpResponse<String> groups = browser
			.get(app("/camunda/api/engine/engine/default/identity/groups?userId=supervisor"));
		assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
		assertThat(groups.body()).contains("\"supervisors\"").doesNotContain("\"managers\"");
		// nobody logs into the webapps with a password while single sign-on is on
		HttpResponse<String> passwordLogin = browser.post(app("/camunda/api/admin/auth/user/default/login/cockpit"),
				"application/x-www-form-urlencoded",
				"username=manager&password=" + URLEncoder.encode(RestJourney.PASSWORD, StandardCharsets.UTF_8),
				"X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
		assertThat(passwordLogin.statusCode()).isEqualTo(403);
		assertThat(
				JSON.readTree(browser.get(app("/camunda/api/admin/auth/user/default")).body()).path("userId").asText())
			.isEqualTo("supervisor");

		// the webapps' CSRF protection stays on
		HttpResponse<String> withoutToken = browser.post(app("/camunda/api/engine/engine/default/filter/create"),
				"application/json", "{\"resourceType\":\"Task\",\"name\":\"Csrf\",\"query\":{},\"properties\":{}}");
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).contains("Required");

		// the engine REST API takes HTTP Basic only (machine clients), never the session
		assertThat(browser.get(app("/engine-rest/task")).statusCode()).isEqualTo(401);
		assertThat(new Browser().get(app("/engine-rest/task"), "Authorization", basic("supervisor")).statusCode())
			.isEqualTo(200);
		// the minimal health check stays open
		HttpResponse<String> health = new Browser().get(app("/actuator/health"));
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void authenticationEverywhere_singleSignOnThroughOpenIdConnect_refusesAPersonTheForceHasNotProvisioned()
			throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> refused = signIn(browser, "/camunda/app/tasklist/default/", "stranger");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("NotProvisioned");
		assertThat(this.identity.createUserQuery().userId("stranger").count()).as("no account made from a token")
			.isZero();
		// not signed in: the webapps' API answers 401, the pages send them to the
		// provider
		assertThat(browser.get(app("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);
		assertThat(browser.get(app("/camunda/app/tasklist/default/")).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/oauth2/authorization/sso"));

		// a token without the user-name claim is refused too
		HttpResponse<String> noClaim = signIn(new Browser(), "/camunda/app/tasklist/default/", null);
		assertThat(noClaim.statusCode()).as(noClaim.body()).isEqualTo(403);
	}

	@Test
	void authenticationEverywhere_singleSignOnThroughOpenIdConnect_coversTheProductsPagesAndApi() throws Exception {
		Browser anonymous = new Browser();
		assertThat(anonymous.get(app("/directory.html")).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/oauth2/authorization/sso"));
		assertThat(anonymous.get(app("/api/directory")).statusCode()).isEqualTo(401);

		Browser admin = new Browser();
		HttpResponse<String> page = signIn(admin, "/directory.html", "admin");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo("/directory.html");
		assertThat(page.body()).contains("Safeguarding directory");
		HttpResponse<String> areas = admin.get(app("/api/directory"));
		assertThat(areas.statusCode()).as(areas.body()).isEqualTo(200);
		assertThat(JSON.readTree(areas.body()).isArray()).isTrue();
		// changes through the product's API with the session need the page's CSRF token
		String token = admin.cookie("SAFEGUARDING-XSRF-TOKEN");
		assertThat(token).isNotBlank();
		assertThat(admin.post(app("/api/directory"), "application/json", "{}").statusCode()).isEqualTo(403);
		HttpResponse<String> checked = admin.post(app("/api/directory"), "application/json", "{}",
				"X-SAFEGUARDING-XSRF-TOKEN", token);
		assertThat(checked.statusCode()).as("past the CSRF check, refused as an incomplete area: %s", checked.body())
			.isEqualTo(400);

		// the API applies the signed-in person's groups: a supervisor is no administrator
		Browser supervisor = new Browser();
		signIn(supervisor, "/directory.html", "supervisor");
		assertThat(supervisor.get(app("/api/directory")).statusCode()).isEqualTo(403);
		// machine clients keep HTTP Basic
		assertThat(new Browser().get(app("/api/directory"), "Authorization", basic("admin")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void authenticationEverywhere_singleSignOnThroughOpenIdConnect_logoutEndsTheSession() throws Exception {
		// the product's logout ends the session and the provider's
		Browser browser = new Browser();
		signIn(browser, "/camunda/app/tasklist/default/", "officer");
		assertThat(browser.get(app("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(200);
		assertThat(browser.post(app("/logout"), "application/x-www-form-urlencoded", "").statusCode())
			.as("logout needs the CSRF token")
			.isEqualTo(403);
		HttpResponse<String> logout = browser.post(app("/logout"), "application/x-www-form-urlencoded", "",
				"X-SAFEGUARDING-XSRF-TOKEN", browser.cookie("SAFEGUARDING-XSRF-TOKEN"));
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(PROVIDER.issuer(ISSUER_ID))
			.contains("post_logout_redirect_uri=");
		assertSignedOut(browser);

		// so does the webapps' own "Log out"
		Browser webapp = new Browser();
		signIn(webapp, "/camunda/app/tasklist/default/", "officer");
		assertThat(webapp.get(app("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(200);
		HttpResponse<String> webappLogout = webapp.post(app("/camunda/api/admin/auth/user/default/logout"),
				"application/json", "", "X-XSRF-TOKEN", webapp.cookie("XSRF-TOKEN"));
		assertThat(webappLogout.statusCode()).as(webappLogout.body()).isLessThan(300);
		assertSignedOut(webapp);
	}

	private void assertSignedOut(Browser browser) throws IOException, InterruptedException {
		assertThat(browser.get(app("/camunda/api/admin/auth/user/default")).statusCode()).isEqualTo(401);
		assertThat(browser.get(app("/camunda/app/tasklist/default/")).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/oauth2/authorization/sso"));
		assertThat(browser.get(app("/api/directory")).statusCode()).isEqualTo(401);
	}

	/**
	 * The authorization code flow from an anonymous request for {@code path}: the
	 * application sends the browser to the provider, the person signs in there (an opaque
	 * subject, {@code preferred_username} as given, none if {@code null}), and the
	 * provider sends the browser back with a code. Returns the last response.
	 */
	private HttpResponse<String> signIn(Browser browser, String path, String preferredUsername)
			throws IOException, InterruptedException {
		HttpResponse<String> start = browser.get(app(path));
		assertThat(start.statusCode()).as("anonymous %s goes to sign in", path).isEqualTo(302);
		HttpResponse<String> authorization = browser.follow(start);
		assertThat(authorization.statusCode()).isEqualTo(302);
		URI authorize = URI.create(authorization.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.toString()).as("redirected to the provider")
			.startsWith(PROVIDER.issuer(ISSUER_ID) + "/authorize")
			.contains("response_type=code", "client_id=victim-safeguarding-workflow");
		HttpResponse<String> loginPage = browser.get(authorize);
		assertThat(loginPage.statusCode()).isEqualTo(200);
		String claims = (preferredUsername != null) ? "{\"preferred_username\":\"" + preferredUsername + "\"}" : "{}";
		HttpResponse<String> code = browser.post(authorize, "application/x-www-form-urlencoded",
				"username=" + UUID.randomUUID() + "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8));
		assertThat(code.statusCode()).as(code.body()).isEqualTo(302);
		assertThat(code.headers().firstValue("Location").orElseThrow()).as("back to the registered redirect URI")
			.startsWith(app("/login/oauth2/code/sso").toString())
			.contains("code=");
		HttpResponse<String> last = browser.follow(code);
		while (last.statusCode() == 302 && last.uri().getPort() == this.port) {
			last = browser.follow(last);
		}
		return last;
	}

	private URI app(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + RestJourney.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** A browser's part in this: cookies kept per site, redirects followed one by one. */
	static final class Browser {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();

		HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
			// as a browser navigates (Spring Security sends only such requests to sign
			// in)
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.GET();
			if (headers.length > 0) {
				request.headers(headers);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(URI uri, String contentType, String body, String... headers)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (headers.length > 0) {
				request.headers(headers);
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
			String location = redirect.headers().firstValue("Location").orElseThrow();
			return get(redirect.uri().resolve(location));
		}

		String cookie(String name) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals(name))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

	}

}
