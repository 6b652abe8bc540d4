package uk.safeguarding.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import uk.safeguarding.workflow.SafeguardingApplication;

/**
 * Authentication everywhere: the prod profile refuses to start with demo users, H2, a
 * default or empty administrator password, the H2 console, or a session cookie that is
 * not secure and HTTP-only. Each run fails before any bean is made, so they are cheap.
 */
class ProductionProfileTest {

	static Map<String, Object> safe() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("SAFEGUARDING_DB_URL", "jdbc:postgresql://db.internal:5432/safeguarding");
		properties.put("SAFEGUARDING_DB_USER", "safeguarding");
		properties.put("SAFEGUARDING_DB_PASSWORD", "from-a-secret");
		properties.put("SAFEGUARDING_MAIL_HOST", "smtp.force.internal");
		return properties;
	}

	/**
	 * As command-line arguments: they override application-prod.yaml, as the environment
	 * does.
	 */
	static String[] args(Map<String, Object> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	@ParameterizedTest(name = "{0}={1} is refused")
	@CsvSource(delimiter = '|',
			value = { "SAFEGUARDING_DEMO_PASSWORD|Demo-Pa55word!|no demo users",
					"SAFEGUARDING_DB_URL|jdbc:h2:mem:prod|H2", "SAFEGUARDING_DB_URL||SAFEGUARDING_DB_URL",
					"spring.h2.console.enabled|true|H2 console", "server.servlet.session.cookie.secure|false|secure",
					"server.servlet.session.cookie.http-only|false|readable by scripts",
					"camunda.bpm.admin-user.password||default password",
					"camunda.bpm.admin-user.password|demo|default password" })
	void authenticationEverywhere_prodRefusesToStart(String property, String value, String message) {
		Map<String, Object> properties = safe();
		properties.put(property, (value != null) ? value : "");
		if (property.startsWith("camunda.bpm.admin-user")) {
			properties.put("camunda.bpm.admin-user.id", "demo");
		}
		assertThatThrownBy(() -> new SpringApplicationBuilder(SafeguardingApplication.class).profiles("prod")
			.run(args(properties))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("The prod profile refuses to start")
			.hasMessageContaining(message);
	}

	@Test
	void authenticationEverywhere_prodRefusesTheLocalProfileAlongside() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SafeguardingApplication.class).profiles("prod", "local")
			.run(args(safe()))).isInstanceOf(IllegalStateException.class).hasMessageContaining("demo users");
	}

	@Test
	void authenticationEverywhere_aSafeProductionConfigurationHasNoProblems() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("prod");
		Map<String, Object> properties = safe();
		properties.put("spring.datasource.url", "jdbc:postgresql://db.internal:5432/safeguarding");
		properties.put("server.servlet.session.cookie.secure", "true");
		properties.put("server.servlet.session.cookie.http-only", "true");
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		assertThat(ProductionSafetyCheck.problems(environment)).isEmpty();
	}

	// single sign-on (the sso profile) in production

	static Map<String, Object> safeSingleSignOn() {
		Map<String, Object> properties = safe();
		properties.put("SAFEGUARDING_SSO_ISSUER_URI", "https://idp.force.internal/realms/police");
		properties.put("SAFEGUARDING_SSO_CLIENT_ID", "victim-safeguarding-workflow");
		properties.put("SAFEGUARDING_SSO_CLIENT_SECRET", "from-the-secret-store-7f3a9c");
		return properties;
	}

	@ParameterizedTest(name = "{0}={1} is refused")
	@CsvSource(delimiter = '|',
			value = { "SAFEGUARDING_SSO_CLIENT_SECRET||no client secret",
					"SAFEGUARDING_SSO_CLIENT_SECRET|secret|default client secret",
					"SAFEGUARDING_SSO_ISSUER_URI|http://idp.force.internal/realms/police|HTTPS issuer" })
	void authenticationEverywhere_prodRefusesSingleSignOnWithoutASafeClientSecretAndIssuer(String property,
			String value, String message) {
		Map<String, Object> properties = safeSingleSignOn();
		if (value != null) {
			properties.put(property, value);
		}
		else {
			properties.remove(property);
		}
		assertThatThrownBy(() -> new SpringApplicationBuilder(SafeguardingApplication.class).profiles("prod", "sso")
			.run(args(properties))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("The prod profile refuses to start")
			.hasMessageContaining(message);
	}

	@Test
	void authenticationEverywhere_prodRefusesASingleSignOnSecretWrittenInAConfigurationFile() {
		String file = "Config resource 'class path resource [application-prod.yaml]' via location 'optional:classpath:/'";
		String secret = "spring.security.oauth2.client.registration.sso.client-secret";
		StandardEnvironment environment = singleSignOnEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource(file, Map.of(secret, "4n-actual-secret-in-the-jar")));
		assertThat(ProductionSafetyCheck.problems(environment))
			.anySatisfy((problem) -> assertThat(problem).contains("is written in " + file));

		// naming an environment variable there is how it should be done
		StandardEnvironment named = singleSignOnEnvironment();
		named.getPropertySources().addLast(new MapPropertySource(file, Map.of(secret, "${SSO_SECRET}")));
		named.getPropertySources()
			.addFirst(new MapPropertySource("systemEnvironment", Map.of("SSO_SECRET", "from-the-secret-store-7f3a9c")));
		assertThat(ProductionSafetyCheck.problems(named)).isEmpty();
	}

	private static StandardEnvironment singleSignOnEnvironment() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("prod", "sso");
		Map<String, Object> properties = safe();
		properties.put("spring.datasource.url", "jdbc:postgresql://db.internal:5432/safeguarding");
		properties.put("server.servlet.session.cookie.secure", "true");
		properties.put("server.servlet.session.cookie.http-only", "true");
		properties.put("spring.security.oauth2.client.registration.sso.client-id", "victim-safeguarding-workflow");
		properties.put("spring.security.oauth2.client.provider.sso.issuer-uri",
				"https://idp.force.internal/realms/police");
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
