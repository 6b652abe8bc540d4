package uk.safeguarding.workflow.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;

/**
 * Who may see and work a case (spec section 1): only the people connected to it — the
 * reporting officer, the allocated investigator, the deployed liaison officer, the case's
 * supervisor, anyone a step is assigned to — and managers. Group membership alone opens
 * no case.
 * <p>
 * A connected person may read the case's process instance and every one of its tasks, and
 * work the tasks whose candidate group they belong to. The case's supervisor may also
 * reassign any of its tasks and correlate its messages (a missing episode, an age
 * assessment).
 * <p>
 * Until someone of a step's group is connected, the step is open to that group: a new
 * case's "Allocate investigator" and "Deploy victim liaison" go to every supervisor until
 * one of them acts, and that supervisor then holds the case. Until then every supervisor
 * also sees (reads, not works) the case's other steps, so that one escalated about an
 * overdue step of a new case finds it in Tasklist. Liaison steps are the exception: they
 * wait, unseen by the liaison group, until a liaison officer is deployed to the case (the
 * deployment assigns them).
 * <p>
 * The grants are made as the journey connects people, inside the engine command that does
 * it (see {@link CaseAccessTaskListener}); the engine's own group-wide task grants for
 * candidate groups are switched off ({@link CaseAuthorizationProvider}).
 */
@Service
public class CaseAccess {

	private static final Permission[] SEE = { Permissions.READ };

	private static final Permission[] WORK = { Permissions.READ, Permissions.UPDATE };

	private final AuthorizationService authorizations;

	private final IdentityService identity;

	private final TaskService tasks;

	private final HistoryService history;

	private final ObjectProvider<CaseRecordPeople> records;

	public CaseAccess(@Lazy AuthorizationService authorizations, @Lazy IdentityService identity,
			@Lazy TaskService tasks, @Lazy HistoryService history, ObjectProvider<CaseRecordPeople> records) {
		this.authorizations = authorizations;
		this.identity = identity;
		this.tasks = tasks;
		this.history = history;
		this.records = records;
	}

	/**
	 * The one rule for "connected", for the engine's grants, the case API and every page:
	 * whether a person may see a case. True for the people connected to it (the reporting
	 * officer, the case's supervisor, the allocated investigator, the deployed liaison
	 * officer, anyone a step is or was assigned to, whoever completed a step), for
	 * managers, for the break-glass {@code camunda-admin} members, and for every
	 * supervisor while the case has no supervisor yet. Works for open and closed cases,
	 * whoever is logged in on the calling thread.
	 * @param userId the person
	 * @param processInstanceId the case's process instance (open or ended)
	 * @return whether they may see the case
	 */
	public boolean maySee(String userId, String processInstanceId) {
		if (userId == null || userId.isBlank() || processInstanceId == null || processInstanceId.isBlank()) {
			return false;
		}
		if (isBreakGlass(userId) || isManager(userId)) {
			return true;
		}
		return privileged(() -> {
			// an open case: the engine's grants say who is connected
			if (!find(userId, null, Resources.PROCESS_INSTANCE, processInstanceId).isEmpty()) {
				return true;
			}
			if (!find(null, Groups.SUPERVISORS, Resources.PROCESS_INSTANCE, processInstanceId).isEmpty()
					&& isMember(userId, Groups.SUPERVISORS)) {
				return true;
			}
			// a closed case (its grants went with it): its record and its steps'
			// assignees
			CaseRecordPeople people = this.records.getIfAvailable();
			if (people != null && people.peopleOf(processInstanceId).contains(userId)) {
				return true;
			}
			return this.history.createHistoricTaskInstanceQuery()
				.processInstanceId(processInstanceId)
				.taskAssignee(userId)
				.count() > 0;
		});
	}

	/**
	 * A case of a list, for {@link #visibleOf}: its process instance, its reference (the
	 * business key) and the people its record names.
	 */
	public record ListedCase(String processInstanceId, String reference, Set<String> recordPeople) {
	}

	/**
	 * Which cases of a list a person may see: {@link #maySee}'s rule, for a whole list in
	 * a handful of queries (the person's grants on process instances, the supervisors'
	 * grants, the historic steps assigned to them among the rest), where asking
	 * {@code maySee} per case costs several queries each (a list of 200: over 300).
	 * @param userId the person
	 * @param cases the cases of the list
	 * @return the process instances of those the person may see
	 */
	public Set<String> visibleOf(String userId, java.util.Collection<ListedCase> cases) {
		Set<String> visible = new LinkedHashSet<>();
		if (userId == null || userId.isBlank() || cases.isEmpty()) {
			return visible;
		}
		if (isBreakGlass(userId) || isManager(userId)) {
			cases.forEach((c) -> visible.add(c.processInstanceId()));
			return visible;
		}
		return privileged(() -> {
			Set<String> granted = resourceIds(this.authorizations.createAuthorizationQuery().userIdIn(userId));
			Set<String> toSupervisors = isMember(userId, Groups.SUPERVISORS)
					? resourceIds(this.authorizations.createAuthorizationQuery().groupIdIn(Groups.SUPERVISORS))
					: Set.of();
			List<String> rest = new ArrayList<>();
			for (ListedCase c : cases) {
				String instance = c.processInstanceId();
				if (instance == null || instance.isBlank()) {
					continue;
				}
				if (granted.contains(instance) || toSupervisors.contains(instance)
						|| c.recordPeople().contains(userId)) {
					visible.add(instance);
				}
				else if (c.reference() != null) {
					rest.add(c.reference());
				}
			}
			if (!rest.isEmpty()) {
				// whoever a step was assigned to: their historic steps among the rest
				Set<String> assigned = new java.util.HashSet<>();
				for (var task : this.history.createHistoricTaskInstanceQuery()
					.taskAssignee(userId)
					.processInstanceBusinessKeyIn(rest.toArray(String[]::new))
					.list()) {
					assigned.add(task.getProcessInstanceId());
				}
				cases.stream().map(ListedCase::processInstanceId).filter(assigned::contains).forEach(visible::add);
			}
			return visible;
		});
	}

	/** The process instances that grants of this query are on (exact ids, as maySee). */
	private static Set<String> resourceIds(org.camunda.bpm.engine.authorization.AuthorizationQuery query) {
		Set<String> ids = new java.util.HashSet<>();
		for (Authorization authorization : query.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.PROCESS_INSTANCE)
			.list()) {
			ids.add(authorization.getResourceId());
		}
		return ids;
	}

	/** A manager (inspector and above): sees every case. */
	public boolean isManager(String userId) {
		return userId != null && privileged(() -> isMember(userId, Groups.MANAGERS));
	}

	/**
	 * A member of the break-glass {@code camunda-admin} group: may read and repair any
	 * case, every read and change audited.
	 */
	public boolean isBreakGlass(String userId) {
		return userId != null && privileged(() -> isMember(userId, Groups.ADMINISTRATORS));
	}

	private boolean isMember(String userId, String groupId) {
		return this.identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
	}

	/**
	 * Connects a person to a case: they may read its process instance (and, once
	 * {@link #refresh refreshed}, its open tasks). Runs inside the engine command that
	 * connects them, without the caller needing rights over authorizations.
	 * @return whether they were not connected before
	 */
	public boolean connect(String userId, String processInstanceId) {
		return connect(java.util.Collections.singletonList(userId), processInstanceId);
	}

	/**
	 * Connects several people to a case at once (reading its grants once).
	 * @param userIds the people (null entries are ignored)
	 * @return whether any of them was not connected before
	 */
	public boolean connect(List<String> userIds, String processInstanceId) {
		if (processInstanceId == null || userIds.stream().allMatch(Objects::isNull)) {
			return false;
		}
		return privileged(() -> {
			Grants instance = new Grants(Resources.PROCESS_INSTANCE, processInstanceId, true);
			boolean connected = false;
			for (String userId : userIds) {
				if (userId != null) {
					connected |= instance.grant(userId, null, SEE);
				}
			}
			return connected;
		});
	}

	/**
	 * Applies the rule to every open task of the case except {@code completingTaskId} (it
	 * is about to end), and to the case's process instance: after people were connected,
	 * or when the case's supervisor is known.
	 */
	public void refresh(String processInstanceId, String completingTaskId) {
		if (processInstanceId == null) {
			return;
		}
		privileged(() -> {
			Map<String, Set<String>> open = new LinkedHashMap<>();
			for (Task task : this.tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
				if (!task.getId().equals(completingTaskId)) {
					open.put(task.getId(), candidateGroups(this.tasks.getIdentityLinksForTask(task.getId())));
				}
			}
			apply(processInstanceId, open, true);
			return null;
		});
	}

	/** Applies the rule to a task being created (not yet visible to queries). */
	public void openTask(String processInstanceId, String taskId, Set<IdentityLink> links) {
		if (processInstanceId == null) {
			return;
		}
		privileged(() -> {
			// a task being created has no stored grants yet: only those of this command
			apply(processInstanceId, Map.of(taskId, candidateGroups(links)), false);
			return null;
		});
	}

	/** The people connected to a case: every user who may read its process instance. */
	public Set<String> connectedPeople(String processInstanceId) {
		return privileged(() -> new Grants(Resources.PROCESS_INSTANCE, processInstanceId, true).people());
	}

	/**
	 * @param tasksStored whether the tasks may have stored grants (false: tasks being
	 * created in this command)
	 */
	private void apply(String processInstanceId, Map<String, Set<String>> openTasks, boolean tasksStored) {
		Grants instance = new Grants(Resources.PROCESS_INSTANCE, processInstanceId, true);
		Set<String> people = instance.people();
		// which of the connected people belong to a group: one query per group the rule
		// asks about, rather than every person's groups
		Map<String, Set<String>> membersOf = new HashMap<>();
		java.util.function.Function<String, Set<String>> members = (group) -> membersOf.computeIfAbsent(group,
				(g) -> people.isEmpty() ? Set.of()
						: this.identity.createUserQuery()
							.memberOfGroup(g)
							.userIdIn(people.toArray(String[]::new))
							.list()
							.stream()
							.map(org.camunda.bpm.engine.identity.User::getId)
							.collect(java.util.stream.Collectors.toSet()));
		Set<String> supervisorGroup = members.apply(Groups.SUPERVISORS);
		List<String> supervisors = people.stream().filter(supervisorGroup::contains).toList();
		for (Map.Entry<String, Set<String>> task : openTasks.entrySet()) {
			Grants grants = new Grants(Resources.TASK, task.getKey(), tasksStored);
			Set<String> candidates = task.getValue();
			for (String person : people) {
				boolean ofTheStepsGroup = candidates.stream()
					.anyMatch((group) -> members.apply(group).contains(person));
				grants.grant(person, null, ofTheStepsGroup ? WORK : SEE);
				if (supervisors.contains(person)) {
					grants.grant(person, null, TaskPermissions.TASK_ASSIGN);
				}
			}
			for (String group : candidates) {
				boolean held = !members.apply(group).isEmpty();
				if (held || Groups.VICTIM_LIAISON.equals(group)) {
					grants.revokeGroup(group);
				}
				else {
					grants.grant(null, group, WORK);
				}
			}
			if (!candidates.contains(Groups.SUPERVISORS)) {
				if (supervisors.isEmpty()) {
					// a case nobody supervises yet is the supervisors' to watch: they
					// see every step of it (an overdue one is escalated to them), as
					// maySee and the case API let them see the case
					grants.grant(null, Groups.SUPERVISORS, SEE);
				}
				else {
					grants.revokeGroup(Groups.SUPERVISORS);
				}
			}
		}
		if (supervisors.isEmpty()) {
			// a case nobody supervises yet is open to the supervisors, who also report a
			// missing episode on it
			instance.grant(null, Groups.SUPERVISORS, WORK);
		}
		else {
			instance.revokeGroup(Groups.SUPERVISORS);
			for (String supervisor : supervisors) {
				instance.grant(supervisor, null, WORK);
			}
		}
	}

	private static Set<String> candidateGroups(Iterable<IdentityLink> links) {
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : links) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

	/**
	 * The grant authorizations on one resource, read once (one query, where each grant
	 * and revocation used to read its own row first: the engine's authorization look-ups
	 * were 5-7% of a journey's time) and kept in step with what is granted and revoked
	 * through it.
	 */
	private final class Grants {

		private final Resource resource;

		private final String resourceId;

		private final List<Authorization> rows;

		/**
		 * @param stored whether to read the stored rows too (false: only those made in
		 * this command, for a resource created in it)
		 */
		Grants(Resource resource, String resourceId, boolean stored) {
			this.resource = resource;
			this.resourceId = resourceId;
			this.rows = find(null, null, resource, resourceId, stored);
		}

		Set<String> people() {
			Set<String> people = new LinkedHashSet<>();
			for (Authorization authorization : this.rows) {
				if (authorization.getUserId() != null && !Authorization.ANY.equals(authorization.getUserId())) {
					people.add(authorization.getUserId());
				}
			}
			return people;
		}

		private List<Authorization> of(String userId, String groupId) {
			return this.rows.stream()
				.filter((row) -> (userId == null || userId.equals(row.getUserId()))
						&& (groupId == null || groupId.equals(row.getGroupId())))
				.toList();
		}

		/**
		 * @return whether anything was granted that was not before
		 */
		boolean grant(String userId, String groupId, Permission... permissions) {
			List<Authorization> existing = of(userId, groupId);
			Authorization authorization = existing.isEmpty()
					? CaseAccess.this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT)
					: existing.get(0);
			// a stored authorization comes back without its resource, which checking and
			// saving its permissions need
			authorization.setResource(this.resource);
			authorization.setResourceId(this.resourceId);
			boolean changed = existing.isEmpty();
			for (Permission permission : permissions) {
				if (!authorization.isPermissionGranted(permission)) {
					authorization.addPermission(permission);
					changed = true;
				}
			}
			if (!changed) {
				return false;
			}
			if (!existing.isEmpty() && isNewInThisCommand(authorization)) {
				// still to be inserted: it is inserted with the permissions just added
				return true;
			}
			if (existing.isEmpty()) {
				authorization.setUserId(userId);
				authorization.setGroupId(groupId);
			}
			Authorization saved = CaseAccess.this.authorizations.saveAuthorization(authorization);
			if (existing.isEmpty()) {
				this.rows.add(saved);
			}
			return true;
		}

		void revokeGroup(String groupId) {
			for (Authorization authorization : of(null, groupId)) {
				CaseAccess.this.authorizations.deleteAuthorization(authorization.getId());
				this.rows.remove(authorization);
			}
		}

	}

	/**
	 * Grant authorizations on one resource, for one user or group (or anyone when both
	 * are null): those stored, and those made earlier in this command that are not stored
	 * yet (a query cannot see them, and a second row would break the unique key).
	 */
	private List<Authorization> find(String userId, String groupId, Resource resource, String resourceId) {
		return find(userId, groupId, resource, resourceId, true);
	}

	private List<Authorization> find(String userId, String groupId, Resource resource, String resourceId,
			boolean withStored) {
		Map<String, Authorization> found = new LinkedHashMap<>();
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			var entityManager = context.getDbEntityManager();
			for (AuthorizationEntity cached : entityManager.getCachedEntitiesByType(AuthorizationEntity.class)) {
				if (!entityManager.getDbEntityCache().isDeleted(cached)
						&& matches(cached, userId, groupId, resource, resourceId)) {
					found.put(cached.getId(), cached);
				}
			}
		}
		if (!withStored) {
			return new ArrayList<>(found.values());
		}
		var query = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.resourceId(resourceId);
		if (userId != null) {
			query.userIdIn(userId);
		}
		if (groupId != null) {
			query.groupIdIn(groupId);
		}
		for (Authorization stored : query.list()) {
			if (context == null || !isDeleted(context, stored)) {
				found.putIfAbsent(stored.getId(), stored);
			}
		}
		return new ArrayList<>(found.values());
	}

	private static boolean isNewInThisCommand(Authorization authorization) {
		CommandContext context = Context.getCommandContext();
		return context != null && authorization instanceof AuthorizationEntity entity
				&& context.getDbEntityManager().getDbEntityCache().isTransient(entity);
	}

	private static boolean isDeleted(CommandContext context, Authorization stored) {
		return stored instanceof AuthorizationEntity entity
				&& context.getDbEntityManager().getDbEntityCache().isDeleted(entity);
	}

	private static boolean matches(AuthorizationEntity authorization, String userId, String groupId, Resource resource,
			String resourceId) {
		return authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
				&& authorization.getResourceType() == resource.resourceType()
				&& Objects.equals(authorization.getResourceId(), resourceId)
				&& (userId == null || userId.equals(authorization.getUserId()))
				&& (groupId == null || groupId.equals(authorization.getGroupId()));
	}

	/**
	 * Runs the work without the engine's authorization checks: inside an engine command
	 * by switching them off for it, outside one by running the queries as nobody (the
	 * identity service's public API) and restoring the caller's login after.
	 */
	private <T> T privileged(Supplier<T> work) {
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			return context.runWithoutAuthorization(work::get);
		}
		Authentication caller = this.identity.getCurrentAuthentication();
		if (caller == null) {
			return work.get();
		}
		this.identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			this.identity.setAuthentication(caller);
		}
	}

}
