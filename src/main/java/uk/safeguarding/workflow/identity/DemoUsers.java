package uk.safeguarding.workflow.identity;

import java.security.SecureRandom;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * The six demo users of the default local run (spec section 8), never in production.
 * Their password comes from {@code SAFEGUARDING_DEMO_PASSWORD}, or is generated and shown
 * once on the console (standard output, not the log).
 */
@Component
@Profile("local")
public class DemoUsers {

	record DemoUser(String id, String firstName, String lastName, String group) {
	}

	static final List<DemoUser> USERS = List.of(new DemoUser("officer", "Olivia", "Officer", Groups.FIRST_RESPONDERS),
			new DemoUser("liaison", "Liam", "Liaison", Groups.VICTIM_LIAISON),
			new DemoUser("supervisor", "Sam", "Supervisor", Groups.SUPERVISORS),
			new DemoUser("investigator", "Ira", "Investigator", Groups.INVESTIGATORS),
			new DemoUser("manager", "Maya", "Manager", Groups.MANAGERS),
			new DemoUser("admin", "Ada", "Admin", Groups.ADMINISTRATORS));

	private final IdentityService identity;

	private final String configuredPassword;

	public DemoUsers(IdentityService identity, @Value("${SAFEGUARDING_DEMO_PASSWORD:}") String configuredPassword) {
		this.identity = identity;
		this.configuredPassword = configuredPassword;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(2)
	public void create() {
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? generate() : this.configuredPassword;
		boolean created = false;
		for (DemoUser demo : USERS) {
			if (this.identity.createUserQuery().userId(demo.id()).count() > 0) {
				if (!generated) {
					User user = this.identity.createUserQuery().userId(demo.id()).singleResult();
					user.setPassword(password);
					this.identity.saveUser(user);
				}
				continue;
			}
			User user = this.identity.newUser(demo.id());
			user.setFirstName(demo.firstName());
			user.setLastName(demo.lastName());
			user.setEmail(demo.id() + "@police.example.org");
			user.setPassword(password);
			this.identity.saveUser(user);
			this.identity.createMembership(demo.id(), demo.group());
			created = true;
		}
		if (generated && created) {
			System.out.println();
			System.out.println("  Demo users: officer, liaison, supervisor, investigator, manager, admin");
			System.out.println("  Password (shown once, not logged): " + password);
			System.out.println("  Set SAFEGUARDING_DEMO_PASSWORD to choose your own.");
			System.out.println();
		}
		else if (generated) {
			System.out.println("  Demo users already exist with the password shown when they were created;"
					+ " set SAFEGUARDING_DEMO_PASSWORD to reset it.");
		}
	}

	static String generate() {
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
		String lower = "abcdefghijkmnopqrstuvwxyz";
		String digits = "23456789";
		String special = "!#%+=?";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		String all = upper + lower + digits;
		for (int i = 0; i < 12; i++) {
			password.append(all.charAt(random.nextInt(all.length())));
		}
		password.append(upper.charAt(random.nextInt(upper.length())));
		password.append(lower.charAt(random.nextInt(lower.length())));
		password.append(digits.charAt(random.nextInt(digits.length())));
		password.append(special.charAt(random.nextInt(special.length())));
		return password.toString();
	}

}
