package uk.safeguarding.workflow.tasklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * The Tasklist filters of each role (issue 9 item 2), created at start and brought up to
 * date when the product changes them (a fingerprint of each definition is kept in the
 * filter's properties), through the public {@link FilterService}. Each filter is shared
 * with the groups it is for by a READ authorization on that filter; no group reads every
 * filter. The engine's authorizations already limit every task query to the cases a
 * person is connected to, so "Overdue on my cases" is the overdue steps of the cases the
 * user may see. The expressions ({@code currentUser()}, {@code now()}) are stored by the
 * server: nobody else may store one ({@code identity.StoredQueryExpressionFilter}).
 */
@Component
public class TasklistFilters {

	private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

	/** Properties key of the definition's fingerprint. */
	static final String FINGERPRINT = "productDefinition";

	private static final List<String> EVERYONE = List.of(Groups.FIRST_RESPONDERS, Groups.VICTIM_LIAISON,
			Groups.SUPERVISORS, Groups.INVESTIGATORS, Groups.MANAGERS);

	private static final List<Map<String, String>> CASE = List.of(column(Variables.CASE_REFERENCE, "Case"));

	private static final List<Map<String, String>> CASE_PATHWAY_AREA = List.of(column(Variables.CASE_REFERENCE, "Case"),
			column(Variables.PATHWAY, "Pathway"), column(Variables.AREA_CODE, "Area"));

	/** The product's filters, in the order Tasklist lists them. Names are a contract. */
	public static final List<Definition> DEFINITIONS = List.of(
			new Definition("My tasks", "Steps assigned to me", EVERYONE, CASE_PATHWAY_AREA, "assignee=currentUser()",
					(query) -> query.taskAssigneeExpression("${currentUser()}")),
			new Definition("My team's tasks", "Unclaimed steps of my groups", EVERYONE, CASE_PATHWAY_AREA,
					"candidateGroups=currentUserGroups(), unassigned",
					(query) -> query.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
			new Definition("Overdue on my cases", "Overdue steps of the cases I may see", EVERYONE, CASE_PATHWAY_AREA,
					"dueBefore=now()", (query) -> query.dueBeforeExpression("${now()}")),
			new Definition("Due today", "Steps due before the end of today", EVERYONE, CASE_PATHWAY_AREA,
					"dueAfter=startOfToday, dueBefore=startOfTomorrow",
					(query) -> query.dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
						.dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}")),
			new Definition("Immediate risk", "Steps of cases reported at immediate risk",
					List.of(Groups.FIRST_RESPONDERS, Groups.SUPERVISORS, Groups.INVESTIGATORS, Groups.MANAGERS),
					CASE_PATHWAY_AREA, "immediateRisk=true",
					(query) -> query.processVariableValueEquals(Variables.IMMEDIATE_RISK, true)),
			new Definition("Child cases", "Steps of children's (and presumed children's) cases",
					List.of(Groups.VICTIM_LIAISON, Groups.SUPERVISORS, Groups.INVESTIGATORS, Groups.MANAGERS),
					List.of(column(Variables.CASE_REFERENCE, "Case"), column(Variables.AREA_CODE, "Area")),
					"pathway=CHILD", (query) -> query.processVariableValueEquals(Variables.PATHWAY, "CHILD")),
			new Definition("Awaiting Home Office decision", "Reasonable and conclusive grounds decisions awaited",
					List.of(Groups.VICTIM_LIAISON, Groups.SUPERVISORS, Groups.INVESTIGATORS, Groups.MANAGERS),
					CASE_PATHWAY_AREA, "taskDefinitionKeyIn=RG,CG",
					(query) -> query.taskDefinitionKeyIn(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION,
							UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION)),
			new Definition("Missing now", "Responses to victims reported missing",
					List.of(Groups.SUPERVISORS, Groups.MANAGERS), CASE_PATHWAY_AREA,
					"taskDefinitionKey=RespondToMissingVictim",
					(query) -> query.taskDefinitionKey(UserTasks.RESPOND_TO_MISSING_VICTIM)));

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	/** After the groups exist ({@code AccessSetup}, order 1). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(2)
	public void setUp() {
		int changed = 0;
		for (int i = 0; i < DEFINITIONS.size(); i++) {
			changed += apply(DEFINITIONS.get(i), i + 1) ? 1 : 0;
		}
		// earlier versions let every group read every filter
		for (String group : Groups.ALL) {
			Authorization every = this.authorizations.createAuthorizationQuery()
				.groupIdIn(group)
				.resourceType(Resources.FILTER)
				.resourceId(Authorization.ANY)
				.singleResult();
			if (every != null) {
				this.authorizations.deleteAuthorization(every.getId());
			}
		}
		log.info("Tasklist filters in place: {} created or updated, {} unchanged", changed,
				DEFINITIONS.size() - changed);
	}

	/** The stored filter of a definition, or null. */
	public Filter find(String name) {
		return this.filters.createFilterQuery().filterName(name).singleResult();
	}

	private boolean apply(Definition definition, int priority) {
		String fingerprint = definition.fingerprint(priority);
		Filter filter = find(definition.name());
		boolean changed = false;
		if (filter == null || !fingerprint.equals(filter.getProperties().get(FINGERPRINT))) {
			if (filter == null) {
				filter = this.filters.newTaskFilter(definition.name());
			}
			TaskQuery query = definition.criteria()
				.apply(this.tasks.createTaskQuery().processDefinitionKey(VictimSafeguardingProcess.KEY))
				.orderByDueDate()
				.asc();
			filter.setQuery(query);
			filter.setOwner(null);
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("priority", priority);
			// Tasklist shows the description as a tooltip over the filter's name: a
			// longer
			// text covers the filter above it and takes its clicks
			properties.put("description", definition.name());
			properties.put("refresh", true);
			properties.put("showUndefinedVariable", false);
			properties.put("variables", definition.columns());
			properties.put(FINGERPRINT, fingerprint);
			filter.setProperties(properties);
			filter = this.filters.saveFilter(filter);
			changed = true;
		}
		share(filter.getId(), Set.copyOf(definition.groups()));
		return changed;
	}

	private void share(String filterId, Set<String> groups) {
		for (Authorization existing : this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filterId)
			.list()) {
			if (existing.getGroupId() != null && !groups.contains(existing.getGroupId())) {
				this.authorizations.deleteAuthorization(existing.getId());
			}
		}
		for (String group : groups) {
			if (this.authorizations.createAuthorizationQuery()
				.resourceType(Resources.FILTER)
				.resourceId(filterId)
				.groupIdIn(group)
				.count() == 0) {
				Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				read.setGroupId(group);
				read.setResource(Resources.FILTER);
				read.setResourceId(filterId);
				read.addPermission(Permissions.READ);
				this.authorizations.saveAuthorization(read);
			}
		}
	}

	private static Map<String, String> column(String name, String label) {
		Map<String, String> column = new LinkedHashMap<>();
		column.put("name", name);
		column.put("label", label);
		return column;
	}

	/**
	 * One filter: its name (a contract), description, the groups it is shared with, the
	 * variable columns of its list, its criteria in words (part of its fingerprint:
	 * change them with the criteria) and the criteria.
	 */
	public record Definition(String name, String description, List<String> groups, List<Map<String, String>> columns,
			String criteriaText, Function<TaskQuery, TaskQuery> criteria) {

		String fingerprint(int priority) {
			String text = String.join("|", this.name, this.description, String.valueOf(priority),
					String.join(",", this.groups), this.columns.toString(), this.criteriaText, "orderByDueDate asc");
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
					.substring(0, 16);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
