package uk.safeguarding.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;

/**
 * Issue 4's controls, one test per property, against the running application (the same
 * Spring context as {@link JourneyApplicationTest}).
 */
@SharedApplicationTest
public class SecurityControlsTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	RestJourney as() {
		return new RestJourney(this.rest);
	}

	// 1. Authentication everywhere

	@Test
	void authenticationEverywhere_anonymousCallersGet401_exceptTheMinimalHealthCheck() {
		for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/task",
				"/engine-rest/user", "/api/cases/MSHT-2026-000001", "/api/access-log?caseReference=MSHT-2026-000001")) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
		}
		for (String path : List.of("/camunda/api/engine/engine/default/task",
				"/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isIn(401, 403);
		}
		ResponseEntity<String> health = this.rest.getForEntity("/actuator/health", String.class);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
		for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/health/db")) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isIn(401, 404);
		}
	}

	@Test
	void authenticationEverywhere_passwordsFollowThePolicy_andFailedLoginsAreThrottled() {
		Map<String, Object> weak = Map.of("profile", Map.of("id", "weakling", "firstName", "W", "lastName", "L"),
				"credentials", Map.of("password", "password1"));
		ResponseEntity<Map<String, Object>> refused = as().exchange("admin", HttpMethod.POST,
				"/engine-rest/user/create", weak);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(this.identity.createUserQuery().userId("weakling").count()).isZero();

		User user = this.identity.newUser("throttled");
		user.setPassword("Throttle-Test-Pa55!");
		this.identity.saveUser(user);
		try {
			assertThat(this.rest.withBasicAuth("throttled", "wrong-password")
				.getForEntity("/engine-rest/task", String.class)
				.getStatusCode()
				.value()).isEqualTo(401);
			// locked for a moment after a failure: even the right password is refused
			assertThat(this.rest.withBasicAuth("throttled", "Throttle-Test-Pa55!")
				.getForEntity("/engine-rest/task", String.class)
				.getStatusCode()
				.value()).isEqualTo(401);
		}
		finally {
			this.identity.deleteUser("throttled");
		}
	}

	// 5. Known Camunda 7.24.0 risks closed

	@Test
	void camundaRisksClosed_expressionsInAdhocTaskQueries_areRefusedWith400() {
		String expression = "${''.getClass().forName('java.lang.Runtime')}";
		ResponseEntity<String> get = this.rest.withBasicAuth("supervisor", RestJourney.PASSWORD)
			.getForEntity(
					java.net.URI.create(this.rest.getRootUri() + "/engine-rest/task?assigneeExpression="
							+ java.net.URLEncoder.encode(expression, java.nio.charset.StandardCharsets.UTF_8)),
					String.class);
		assertThat(get.getStatusCode().value()).as("%s", get.getBody()).isEqualTo(400);
		ResponseEntity<Map<String, Object>> post = as().exchange("supervisor", HttpMethod.POST, "/engine-rest/task",
				Map.of("candidateGroupExpression", "${currentUserGroups()}"));
		assertThat(post.getStatusCode().value()).as("%s", post.getBody()).isEqualTo(400);
		ResponseEntity<Map<String, Object>> orQuery = as().exchange("supervisor", HttpMethod.POST, "/engine-rest/task",
				Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}", "assignee", "x"))));
		assertThat(orQuery.getStatusCode().value()).as("%s", orQuery.getBody()).isEqualTo(400);
		ResponseEntity<Map<String, Object>> count = as().exchange("supervisor", HttpMethod.POST,
				"/engine-rest/task/count", Map.of("orQueries", List.of(Map.of("dueDateExpression", "#{now()}"))));
		assertThat(count.getStatusCode().value()).as("%s", count.getBody()).isEqualTo(400);
	}

	@Test
	void camundaRisksClosed_savedFiltersWithExpressions_areRefusedForNonAdministrators() {
		grantFilterCreate("supervisors");
		Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Sneaky", "query",
				Map.of("assigneeExpression", "${currentUser()}"), "properties", Map.of());
		ResponseEntity<Map<String, Object>> refused = as().exchange("supervisor", HttpMethod.POST,
				"/engine-rest/filter/create", filter);
		assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
		assertThat((String) refused.getBody().get("message")).contains("administrator");
		// without expressions a permitted user may still save a filter
		ResponseEntity<Map<String, Object>> plain = as().exchange("supervisor", HttpMethod.POST,
				"/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "Plain", "query",
						Map.of("assignee", "supervisor"), "properties", Map.of()));
		assertThat(plain.getStatusCode().value()).as("%s", plain.getBody()).isEqualTo(200);
		String plainId = (String) plain.getBody().get("id");
		ResponseEntity<Map<String, Object>> update = as().exchange("supervisor", HttpMethod.PUT,
				"/engine-rest/filter/" + plainId, Map.of("name", "Plain", "query",
						Map.of("candidateGroupExpression", "${currentUserGroups()}"), "properties", Map.of()));
		assertThat(update.getStatusCode().value()).as("%s", update.getBody()).isEqualTo(400);
		// administrators may (the product's own filters use expressions)
		grantFilterCreate("camunda-admin");
		ResponseEntity<Map<String, Object>> admin = as().exchange("admin", HttpMethod.POST,
				"/engine-rest/filter/create", filter);
		assertThat(admin.getStatusCode().value()).as("%s", admin.getBody()).isEqualTo(200);
		as().exchange("admin", HttpMethod.DELETE, "/engine-rest/filter/" + admin.getBody().get("id"), null);
		as().exchange("admin", HttpMethod.DELETE, "/engine-rest/filter/" + plainId, null);

		// the product's stored "My tasks" filter still evaluates ${currentUser()}
		String myTasks = (String) this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.exchange("/engine-rest/filter?name=My tasks", HttpMethod.GET, null, List.class)
			.getBody()
			.stream()
			.map((f) -> ((Map<?, ?>) f).get("id"))
			.findFirst()
			.orElseThrow();
		ResponseEntity<String> run = this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.getForEntity("/engine-rest/filter/" + myTasks + "/list", String.class);
		assertThat(run.getStatusCode().value()).isEqualTo(200);
		// an extending query with an expression is an ad-hoc query: refused
		ResponseEntity<Map<String, Object>> extended = as().exchange("officer", HttpMethod.POST,
				"/engine-rest/filter/" + myTasks + "/list", Map.of("assigneeExpression", "${currentUser()}"));
		assertThat(extended.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void camundaRisksClosed_adminInitialSetup_isRefusedOnceUsersExist_evenWithNoDirectAdminMembers() {
		WebappSession session = WebappSession.anonymous(this.rest);
		Map<String, Object> newAdmin = Map.of("profile",
				Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@example.org"), "credentials",
				Map.of("password", "Intruder-Pa55word!"));
		assertThat(session.post("/camunda/api/admin/setup/default/user/create", newAdmin).getStatusCode().value())
			.isEqualTo(403);
		// the break-glass group empty; an administrator holds rights by authorization
		this.identity.deleteMembership("admin", "camunda-admin");
		Authorization grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("admin");
		grant.setResource(Resources.USER);
		grant.setResourceId("*");
		grant.addPermission(Permissions.ALL);
		this.authorizations.saveAuthorization(grant);
		try {
			assertThat(this.identity.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
			ResponseEntity<String> refused = session.post("/camunda/api/admin/setup/default/user/create", newAdmin);
			assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
			assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
		}
		finally {
			this.authorizations.deleteAuthorization(grant.getId());
			this.identity.createMembership("admin", "camunda-admin");
		}
	}

	@Test
	void camundaRisksClosed_theH2ConsoleIsNeverExposed() {
		for (String path : List.of("/h2-console", "/h2-console/", "/h2-console/login.do")) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isIn(401, 404);
		}
	}

	@Test
	void camundaRisksClosed_webappResponsesCarryStrictSecurityHeaders() {
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		HttpHeaders headers = page.getHeaders();
		String csp = headers.getFirst("Content-Security-Policy");
		assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "'nonce-")
			.doesNotContain("https:", "'unsafe-inline' 'self';default");
		assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
			.doesNotContain("unsafe-inline");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(headers.getFirst("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();

		HttpHeaders forwarded = new HttpHeaders();
		forwarded.set("X-Forwarded-Proto", "https");
		ResponseEntity<String> overHttps = this.rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
				new HttpEntity<>(forwarded), String.class);
		assertThat(overHttps.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
		ResponseEntity<String> rest = this.rest.getForEntity("/engine-rest/task", String.class);
		assertThat(rest.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(rest.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void camundaRisksClosed_webappCsrfProtectionIsOn() {
		grantFilterCreate("supervisors");
		WebappSession session = WebappSession.login(this.rest, "supervisor");
		Map<String, Object> filter = Map.of("resourceType", "Task", "name", "Csrf", "query", Map.of(), "properties",
				Map.of());
		ResponseEntity<String> withoutToken = session
			.postWithoutCsrf("/camunda/api/engine/engine/default/filter/create", filter);
		assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
		assertThat(withoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
		ResponseEntity<String> withToken = session.post("/camunda/api/engine/engine/default/filter/create", filter);
		assertThat(withToken.getHeaders().getFirst("X-XSRF-TOKEN")).as("the token passes the CSRF filter")
			.isNotEqualTo("Required");
		// a non-administrator in Tasklist cannot store an expression either
		WebappSession officer = WebappSession.login(this.rest, "supervisor");
		ResponseEntity<String> sneaky = officer.post("/camunda/api/engine/engine/default/filter/create",
				Map.of("resourceType", "Task", "name", "Sneaky", "query",
						Map.of("assigneeExpression", "${currentUser()}"), "properties", Map.of()));
		assertThat(sneaky.getStatusCode().value()).as(sneaky.getBody()).isEqualTo(400);
	}

	@Test
	void camundaRisksClosed_cockpitPluginApis_answerOnlyPeopleWithCockpit() {
		String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
		WebappSession supervisor = WebappSession.login(this.rest, "supervisor");
		ResponseEntity<String> refused = supervisor.get(statistics);
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
		assertThat(refused.getBody()).contains("Cockpit");
		WebappSession manager = WebappSession.login(this.rest, "manager");
		ResponseEntity<String> allowed = manager.get(statistics);
		assertThat(allowed.getStatusCode().value()).as(allowed.getBody()).isEqualTo(200);
		assertThat(allowed.getBody()).contains("victim-safeguarding");
	}

	private void grantFilterCreate(String group) {
		Authorization grant = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.FILTER)
			.resourceId("*")
			.singleResult();
		if (grant == null) {
			grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(group);
			grant.setResource(Resources.FILTER);
			grant.setResourceId("*");
		}
		grant.addPermission(Permissions.CREATE);
		grant.addPermission(Permissions.DELETE);
		this.authorizations.saveAuthorization(grant);
	}

	/** A browser-like session with the webapps: cookies and the CSRF token. */
	public static final class WebappSession {

		private final TestRestTemplate rest;

		private String cookies = "";

		private String csrf;

		private WebappSession(TestRestTemplate rest) {
			this.rest = rest;
		}

		public static WebappSession anonymous(TestRestTemplate rest) {
			WebappSession session = new WebappSession(rest);
			session.keep(rest.getForEntity("/camunda/app/admin/default/", String.class));
			session.keep(session.get("/camunda/api/admin/auth/user/default"));
			return session;
		}

		public static WebappSession login(TestRestTemplate rest, String user) {
			WebappSession session = anonymous(rest);
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("username", user);
			form.add("password", RestJourney.PASSWORD);
			HttpHeaders headers = session.headers(true);
			headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
			ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
					HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
			assertThat(login.getStatusCode().value())
				.as("%s %s %s", session.cookies, login.getHeaders(), login.getBody())
				.isEqualTo(200);
			session.keep(login);
			session.keep(session.get("/camunda/api/admin/auth/user/default"));
			return session;
		}

		public ResponseEntity<String> get(String path) {
			return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(false)), String.class);
		}

		public ResponseEntity<String> post(String path, Object body) {
			HttpHeaders headers = headers(true);
			headers.setContentType(MediaType.APPLICATION_JSON);
			ResponseEntity<String> response = this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
					String.class);
			keep(response);
			return response;
		}

		public ResponseEntity<String> postWithoutCsrf(String path, Object body) {
			HttpHeaders headers = headers(false);
			headers.setContentType(MediaType.APPLICATION_JSON);
			return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
		}

		private HttpHeaders headers(boolean withCsrf) {
			HttpHeaders headers = new HttpHeaders();
			if (!this.cookies.isEmpty()) {
				headers.set(HttpHeaders.COOKIE, this.cookies);
			}
			if (withCsrf && this.csrf != null) {
				headers.set("X-XSRF-TOKEN", this.csrf);
			}
			return headers;
		}

		private void keep(ResponseEntity<?> response) {
			List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
			if (setCookies != null) {
				Map<String, String> jar = new java.util.LinkedHashMap<>();
				for (String pair : this.cookies.split("; ")) {
					if (pair.contains("=")) {
						jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
					}
				}
				for (String cookie : setCookies) {
					String pair = cookie.split(";")[0];
					jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
				}
				this.cookies = String.join("; ",
						jar.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList());
			}
			String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
			if (token != null && !token.equals("Required")) {
				this.csrf = token;
			}
			else if (this.cookies.contains("XSRF-TOKEN=")) {
				String rest = this.cookies.substring(this.cookies.indexOf("XSRF-TOKEN=") + 11);
				this.csrf = rest.contains(";") ? rest.substring(0, rest.indexOf(';')) : rest;
			}
		}

	}

}
