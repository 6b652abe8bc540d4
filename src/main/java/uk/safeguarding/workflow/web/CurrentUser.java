package uk.safeguarding.workflow.web;

import java.util.Set;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * The person signed in to the product's pages: their Camunda user id and the groups the
 * identity service gives them now (never what a session or token said at sign-in).
 * Controllers take it as a parameter; a page that needs a signed-in person never sees
 * {@code null} (anonymous requests are sent to sign in first, see {@link ProductPages}).
 */
public record CurrentUser(String id, Set<String> groups) {

	public CurrentUser {
		groups = Set.copyOf(groups);
	}

	public boolean isMemberOf(String group) {
		return this.groups.contains(group);
	}

	public boolean isManager() {
		return isMemberOf(Groups.MANAGERS);
	}

	public boolean isSupervisor() {
		return isMemberOf(Groups.SUPERVISORS);
	}

	/** Supervisors and managers: the people the oversight dashboard is for. */
	public boolean mayOversee() {
		return isManager() || isSupervisor();
	}

}
