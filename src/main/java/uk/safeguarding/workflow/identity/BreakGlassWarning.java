package uk.safeguarding.workflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * In production the break-glass group {@code camunda-admin} is normally empty: a member
 * may read and change any case. At every start of the prod profile, while it has members,
 * a WARN line names them (user ids only), so an emergency account left behind is seen.
 */
@Component
public class BreakGlassWarning {

	private static final Logger log = LoggerFactory.getLogger(BreakGlassWarning.class);

	private final IdentityService identity;

	private final Environment environment;

	public BreakGlassWarning(IdentityService identity, Environment environment) {
		this.identity = identity;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	public void warnInProduction() {
		if (this.environment.acceptsProfiles(Profiles.of(ProductionSafetyCheck.PROD))) {
			String warning = warning();
			if (warning != null) {
				log.warn(warning);
			}
		}
	}

	/**
	 * @return the warning while the break-glass group has members, else {@code null}
	 */
	public String warning() {
		List<String> members = this.identity.createUserQuery()
			.memberOfGroup(Groups.ADMINISTRATORS)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(User::getId)
			.toList();
		if (members.isEmpty()) {
			return null;
		}
		return "Break-glass group " + Groups.ADMINISTRATORS + " has " + members.size()
				+ (members.size() == 1 ? " member" : " members") + " (" + String.join(", ", members)
				+ "): they may read and change any case, every action audited. Remove them when the emergency is over;"
				+ " day-to-day administration is " + Groups.USER_ADMINISTRATORS + ".";
	}

}
