package uk.safeguarding.workflow.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start the {@code prod} profile with a configuration that would expose
 * victims' data: demo users, H2, a default or empty administrator password, the H2
 * console, a session cookie that is not secure and HTTP-only, or single sign-on with a
 * client secret that is missing, a default or written in a configuration file. Runs
 * before any bean (and so before the engine) is created, and names every problem at once.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

	static final String PROD = "prod";

	static final String OAUTH2_CLIENT = "spring.security.oauth2.client";

	static final Set<String> DEFAULT_PASSWORDS = Set.of("admin", "demo", "password", "camunda", "changeme", "change-me",
			"secret");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Arrays.asList(environment.getActiveProfiles()).contains(PROD)) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The prod profile refuses to start:\n - " + String.join("\n - ", problems));
		}
	}

	static List<String> problems(ConfigurableEnvironment environment) {
		List<String> problems = new ArrayList<>();
		if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
			problems.add("the local profile is active too: it seeds demo users and an H2 database. Run prod alone.");
		}
		if (!property(environment, "SAFEGUARDING_DEMO_PASSWORD").isEmpty()) {
			problems.add("SAFEGUARDING_DEMO_PASSWORD is set: production has no demo users. Unset it.");
		}
		String url = property(environment, "spring.datasource.url");
		if (url.isEmpty()) {
			problems.add("no database: set SAFEGUARDING_DB_URL (jdbc:postgresql://...).");
		}
		else if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2")) {
			problems.add("the database is H2 (spring.datasource.url): use PostgreSQL (SAFEGUARDING_DB_URL).");
		}
		if (Boolean.parseBoolean(property(environment, "spring.h2.console.enabled"))) {
			problems.add("the H2 console is enabled (spring.h2.console.enabled): turn it off.");
		}
		if (!property(environment, "camunda.bpm.admin-user.id").isEmpty()) {
			String password = property(environment, "camunda.bpm.admin-user.password");
			if (password.isEmpty() || DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))
					|| password.equalsIgnoreCase(property(environment, "camunda.bpm.admin-user.id"))) {
				problems.add("the administrator (camunda.bpm.admin-user) has an empty or default password:"
						+ " set a strong one from a secret, or create the first administrator through Admin's setup page.");
			}
		}
		if (!"true".equalsIgnoreCase(property(environment, "server.servlet.session.cookie.secure"))) {
			problems.add("the session cookie is not marked secure (server.servlet.session.cookie.secure=true).");
		}
		if ("false".equalsIgnoreCase(property(environment, "server.servlet.session.cookie.http-only"))) {
			problems.add("the session cookie is readable by scripts (server.servlet.session.cookie.http-only=true).");
		}
		problems.addAll(singleSignOnProblems(environment));
		return problems;
	}

	/**
	 * Single sign-on, when configured: the client secret set, not a default, and taken
	 * from the environment (a configuration file may only name it, as {@code ${NAME}}
	 * without a default); the issuer over HTTPS.
	 */
	static List<String> singleSignOnProblems(ConfigurableEnvironment environment) {
		List<String> problems = new ArrayList<>();
		OAuth2ClientProperties client = Binder.get(environment)
			.bind(OAUTH2_CLIENT, OAuth2ClientProperties.class)
			.orElseGet(OAuth2ClientProperties::new);
		client.getRegistration().forEach((id, registration) -> {
			String secretKey = OAUTH2_CLIENT + ".registration." + id + ".client-secret";
			String secret = property(environment, secretKey);
			if (secret.isEmpty()) {
				problems.add("single sign-on (" + id + ") has no client secret: set SAFEGUARDING_SSO_CLIENT_SECRET"
						+ " from the force's secret store.");
			}
			else if (DEFAULT_PASSWORDS.contains(secret.toLowerCase(Locale.ROOT))) {
				problems
					.add("single sign-on (" + id + ") has a default client secret: use the one the provider issued.");
			}
			String file = configurationFileWriting(environment, secretKey);
			if (file != null) {
				problems.add("the single sign-on client secret (" + id + ") is written in " + file
						+ ": take it from the environment (SAFEGUARDING_SSO_CLIENT_SECRET), with no default.");
			}
			String provider = (registration.getProvider() != null) ? registration.getProvider() : id;
			String issuer = property(environment, OAUTH2_CLIENT + ".provider." + provider + ".issuer-uri");
			if (!issuer.toLowerCase(Locale.ROOT).startsWith("https://")) {
				problems.add("single sign-on (" + id + ") has no HTTPS issuer: set SAFEGUARDING_SSO_ISSUER_URI"
						+ " to the provider's https:// issuer.");
			}
		});
		return problems;
	}

	/**
	 * The configuration file that supplies {@code name} with a value of its own rather
	 * than {@code ${AN_ENVIRONMENT_VARIABLE}}, or {@code null}.
	 */
	private static String configurationFileWriting(ConfigurableEnvironment environment, String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.from(environment.getPropertySources())) {
			if (source.getUnderlyingSource() instanceof PropertySource<?> underlying
					&& ConfigurationPropertySources.isAttachedConfigurationPropertySource(underlying)) {
				continue;
			}
			ConfigurationProperty property = source.getConfigurationProperty(key);
			if (property == null) {
				continue;
			}
			String sourceName = (source.getUnderlyingSource() instanceof PropertySource<?> underlying)
					? underlying.getName() : "";
			boolean file = sourceName.startsWith("Config resource");
			boolean placeholder = String.valueOf(property.getValue()).strip().matches("\\$\\{[A-Za-z0-9_.\\-]+\\}");
			return (file && !placeholder) ? sourceName : null;
		}
		return null;
	}

	private static String property(ConfigurableEnvironment environment, String name) {
		try {
			String value = environment.getProperty(name);
			return (value != null) ? value.strip() : "";
		}
		catch (IllegalArgumentException unresolved) {
			// a placeholder without a value, such as ${SAFEGUARDING_DB_URL}
			return "";
		}
	}

}
