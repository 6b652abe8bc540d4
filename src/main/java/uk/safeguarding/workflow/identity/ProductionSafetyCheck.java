package uk.safeguarding.workflow.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile with a configuration that would expose
 * victims' data: demo users, H2, a default or empty administrator password, the H2
 * console, or a session cookie that is not secure and HTTP-only. Runs before any bean
 * (and so before the engine) is created, and names every problem at once.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

	static final String PROD = "prod";

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
		return problems;
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
