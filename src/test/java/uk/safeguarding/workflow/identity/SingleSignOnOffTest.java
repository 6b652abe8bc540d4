package uk.safeguarding.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.SecurityFilterChain;

import uk.safeguarding.workflow.SharedApplicationTest;

/**
 * Single sign-on is off unless a client registration is configured: Spring Security is on
 * the classpath but not in the request path, so the product's own filters authenticate
 * exactly as before (the rest of the suite runs in this state).
 */
@SharedApplicationTest
class SingleSignOnOffTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	TestRestTemplate rest;

	@Test
	void authenticationEverywhere_withoutAClientRegistration_springSecurityStaysOutOfTheRequestPath() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).isEmpty();
		assertThat(this.context.containsBean("springSecurityFilterChain")).isFalse();
		// pages are not sent to a provider; the webapps' own login page loads
		ResponseEntity<String> tasklist = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);
		assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
		assertThat(this.rest.getForEntity("/oauth2/authorization/sso", String.class).getStatusCode().value())
			.isEqualTo(404);
		// the engine REST API answers with Camunda's Basic challenge, not Spring
		// Security's
		ResponseEntity<String> anonymous = this.rest.getForEntity("/engine-rest/task", String.class);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"default\"");
	}

}
