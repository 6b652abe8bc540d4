package uk.safeguarding.workflow.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * The groups of spec section 1 and what each may do, created at start when missing (every
 * profile). No group gets force-wide task or instance rights except managers (read only):
 * each case is opened to the people connected to it by {@link CaseAccess}.
 */
@Component
public class AccessSetup {

	private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

	static final Map<String, String> GROUP_NAMES = Map.of(Groups.FIRST_RESPONDERS, "Officers and first responders",
			Groups.VICTIM_LIAISON, "Victim liaison (MSVLO or police SPOC)", Groups.SUPERVISORS,
			"Supervisors (sergeant / DS)", Groups.INVESTIGATORS, "Investigators (PIP2 or higher)", Groups.MANAGERS,
			"Managers (inspector and above)", Groups.ADMINISTRATORS, "Camunda administrators (break glass)",
			Groups.USER_ADMINISTRATORS, "Administrators (users, groups and the directory; no cases)");

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	private final CaseAccess caseAccess;

	public AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks, CaseAccess caseAccess) {
		this.caseAccess = caseAccess;
		this.tasks = tasks;
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	public void setUp() {
		GROUP_NAMES.forEach(this::group);
		for (String group : Groups.ALL) {
			if (group.equals(Groups.ADMINISTRATORS) || group.equals(Groups.USER_ADMINISTRATORS)) {
				continue;
			}
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, VictimSafeguardingProcess.KEY, Permissions.READ);
			grant(group, Resources.USER, "*", Permissions.READ);
			grant(group, Resources.GROUP, "*", Permissions.READ);
		}
		grant(Groups.FIRST_RESPONDERS, Resources.PROCESS_DEFINITION, VictimSafeguardingProcess.KEY,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		grant(Groups.FIRST_RESPONDERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
		grant(Groups.FIRST_RESPONDERS, Resources.DEPLOYMENT, "*", Permissions.READ);
		// no group may update every case: a case's supervisor correlates its messages
		// (missing episodes, age assessments) through CaseAccess; remove the force-wide
		// grants earlier versions made
		revoke(Groups.SUPERVISORS, Resources.PROCESS_DEFINITION, VictimSafeguardingProcess.KEY,
				ProcessDefinitionPermissions.UPDATE_INSTANCE);
		revoke(Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.UPDATE);
		// managers watch every case across teams and areas, and retry a notice's incident
		// in Cockpit
		grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, VictimSafeguardingProcess.KEY,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
		// a notice's incident is on its own delivery instance (found by the case
		// reference)
		grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, VictimSafeguardingProcess.DELIVERY_KEY,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.RETRY_JOB);
		grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(Groups.MANAGERS, Resources.TASK, "*", Permissions.READ);
		grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		// day-to-day administrators manage people and the directory, not cases: no
		// Tasklist, no process, task or history rights
		grant(Groups.USER_ADMINISTRATORS, Resources.APPLICATION, "admin", Permissions.ACCESS);
		grant(Groups.USER_ADMINISTRATORS, Resources.USER, "*", Permissions.ALL);
		grant(Groups.USER_ADMINISTRATORS, Resources.GROUP, "*", Permissions.ALL);
		grant(Groups.USER_ADMINISTRATORS, Resources.GROUP_MEMBERSHIP, "*", Permissions.ALL);
		breakGlass();
		// Tasklist filters, and which groups read each: tasklist.TasklistFilters
		// earlier versions let a step's whole group see it: recheck only the cases whose
		// steps still carry a group grant (today that is only a step nobody connected can
		// do yet), not every open case at every start
		Set<String> cases = new LinkedHashSet<>();
		List<String> groupTasks = this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.groupIdIn(Groups.ALL.toArray(String[]::new))
			.list()
			.stream()
			.map(Authorization::getResourceId)
			.filter((id) -> !Authorization.ANY.equals(id))
			.distinct()
			.toList();
		if (!groupTasks.isEmpty()) {
			this.tasks.createTaskQuery()
				.taskIdIn(groupTasks.toArray(String[]::new))
				.list()
				.forEach((task) -> cases.add(task.getProcessInstanceId()));
		}
		cases.forEach((id) -> this.caseAccess.refresh(id, null));
		log.info("Groups, authorizations and Tasklist filters are in place; access rechecked on {} open cases",
				cases.size());
	}

	/**
	 * The break-glass group may read and repair any case (spec section 1): Camunda does
	 * not let its members past authorization by membership alone, its own
	 * first-administrator setup grants the group everything on every resource type. The
	 * same here, so that a member can log in to Admin, Cockpit and Tasklist and see every
	 * case; each of their reads and changes is audited ({@code BreakGlassAudit}) and the
	 * prod profile warns while the group has members ({@link BreakGlassWarning}).
	 */
	private void breakGlass() {
		for (Resources resource : Resources.values()) {
			Authorization existing = this.authorizations.createAuthorizationQuery()
				.groupIdIn(Groups.ADMINISTRATORS)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.singleResult();
			if (existing != null) {
				existing.setResource(resource);
				if (existing.isEveryPermissionGranted()) {
					continue;
				}
			}
			grant(Groups.ADMINISTRATORS, resource, Authorization.ANY, Permissions.ALL);
		}
	}

	private void group(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(
					id.equals(Groups.ADMINISTRATORS) || id.equals(Groups.USER_ADMINISTRATORS) ? "SYSTEM" : "WORKFLOW");
			this.identity.saveGroup(group);
		}
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = (existing != null) ? existing
				: this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
	}

	private void revoke(String group, Resource resource, String resourceId, Permission permission) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (existing == null) {
			return;
		}
		existing.setResource(resource);
		if (!existing.isPermissionGranted(permission)) {
			return;
		}
		existing.removePermission(permission);
		if (existing instanceof AuthorizationEntity entity && entity.getPermissions() == Permissions.NONE.getValue()) {
			this.authorizations.deleteAuthorization(existing.getId());
		}
		else {
			this.authorizations.saveAuthorization(existing);
		}
		log.info("Revoked the force-wide {} of group {} on {} {}", permission.getName(), group, resource.resourceName(),
				resourceId);
	}

}
