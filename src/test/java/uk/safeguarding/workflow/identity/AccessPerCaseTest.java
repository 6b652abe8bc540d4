package uk.safeguarding.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Issue 4, property 2: a person sees a case's tasks, variables, history and record only
 * when connected to it (reported it, allocated to it, deployed to it, supervises it) or
 * as a manager; administrators manage users, not cases. Each role is tried against a case
 * it is connected to and one it is not, through the engine REST API (the same API and
 * authorizations Tasklist uses) and the product's case API.
 */
@SharedApplicationTest
class AccessPerCaseTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	AccessSetup accessSetup;

	@Autowired
	BreakGlassWarning breakGlassWarning;

	RestJourney as;

	@BeforeEach
	void people() {
		this.as = new RestJourney(this.rest);
		person("officer2", Groups.FIRST_RESPONDERS);
		person("liaison2", Groups.VICTIM_LIAISON);
		person("supervisor2", Groups.SUPERVISORS);
		person("investigator2", Groups.INVESTIGATORS);
		person("useradmin", Groups.USER_ADMINISTRATORS);
	}

	/**
	 * The extra people leave with the test: other tests of the shared application count
	 * the members of a group (an escalation goes to every supervisor of a case nobody
	 * supervises yet).
	 */
	@AfterEach
	void peopleLeave() {
		for (String id : List.of("officer2", "liaison2", "supervisor2", "investigator2", "useradmin", "newofficer")) {
			if (this.identity.createUserQuery().userId(id).count() > 0) {
				this.identity.deleteUser(id);
			}
		}
	}

	@Test
	void accessPerCase_aNewCaseIsOpenToEverySupervisorUntilOneActs_andLiaisonStepsWaitForTheDeployment() {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");

		assertThat(keys("supervisor", id)).contains(UserTasks.ALLOCATE_INVESTIGATOR, UserTasks.DEPLOY_VICTIM_LIAISON);
		assertThat(keys("supervisor2", id)).contains(UserTasks.ALLOCATE_INVESTIGATOR, UserTasks.DEPLOY_VICTIM_LIAISON);
		// one rule for "connected": who sees a new case's steps also reads its record
		assertThat(status("supervisor2", "/api/cases/" + reference)).isEqualTo(200);
		assertThat(status("supervisor2", "/api/cases/" + reference + "/notifications")).isEqualTo(200);
		assertThat(status("officer2", "/api/cases/" + reference)).isEqualTo(404);
		assertThat(keys("officer", id)).contains(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.RECORD_CRIME);
		// the supervisors also see the officer's steps of the case nobody supervises yet
		// (one escalated about an overdue step finds it), but cannot do them
		assertThat(keys("supervisor2", id)).contains(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, UserTasks.RECORD_CRIME);
		assertThat(this.as
			.complete("supervisor2", openTask(id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING),
					JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING))
			.getStatusCode()
			.value()).isIn(403, 404);
		assertThat(keys("officer2", id)).isEmpty();
		assertThat(keys("liaison", id)).isEmpty();
		assertThat(keys("liaison2", id)).isEmpty();

		// the first supervisor to act holds the case; the others lose it
		step("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		assertThat(keys("supervisor2", id)).isEmpty();
		assertThat(status("supervisor2", "/api/cases/" + reference)).isEqualTo(404);
		assertThat(keys("supervisor", id)).contains(UserTasks.DEPLOY_VICTIM_LIAISON);
		String deploy = openTask(id, UserTasks.DEPLOY_VICTIM_LIAISON);
		assertThat(this.as.complete("supervisor2", deploy, JourneyFixtures.answers(UserTasks.DEPLOY_VICTIM_LIAISON))
			.getStatusCode()
			.value()).isIn(403, 404);

		// the deployment opens the case to the deployed officer only
		step("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON);
		assertThat(keys("liaison", id)).contains(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		assertThat(keys("liaison2", id)).isEmpty();
		step("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		step("liaison", id, UserTasks.ASSESS_VICTIM_NEEDS);
		assertThat(keys("liaison2", id)).isEmpty();
	}

	@Test
	void accessPerCase_eachRoleSeesTheCaseItIsConnectedTo_andNothingOfTheOneItIsNot() {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		step("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		step("supervisor", id, UserTasks.DEPLOY_VICTIM_LIAISON);
		String officerStep = openTask(id, UserTasks.RECORD_CRIME);

		List<String> table = new ArrayList<>();
		for (String person : List.of("officer", "liaison", "supervisor", "investigator", "manager")) {
			Sight sight = sight(person, id, reference, officerStep);
			table.add(sight.line(person, true));
			assertThat(sight.tasks).as("%s sees the tasks of a case they are connected to", person).isPositive();
			assertThat(sight.instance).as("%s reads the case's process instance", person).isEqualTo(200);
			assertThat(sight.variables).as("%s reads the case's variables", person).isEqualTo(200);
			assertThat(sight.formVariables).as("%s reads a step's form data", person).isEqualTo(200);
			assertThat(sight.record).as("%s reads the case record", person).isEqualTo(200);
		}
		for (String person : List.of("officer2", "liaison2", "supervisor2", "investigator2", "useradmin")) {
			Sight sight = sight(person, id, reference, officerStep);
			table.add(sight.line(person, false));
			assertThat(sight.tasks).as("%s sees no task of a case they are not connected to", person).isZero();
			assertThat(sight.instance).as("%s cannot read the process instance", person).isIn(403, 404);
			assertThat(sight.variables).as("%s cannot read the variables", person).isIn(403, 404);
			assertThat(sight.formVariables).as("%s cannot read a step's form data", person).isIn(403, 404);
			assertThat(sight.history).as("%s sees none of the case's history", person).isZero();
			assertThat(sight.record).as("%s gets the same answer as for an unknown case", person).isEqualTo(404);
			assertThat(this.as.complete(person, officerStep, JourneyFixtures.answers(UserTasks.RECORD_CRIME))
				.getStatusCode()
				.value()).as("%s cannot complete a step of the case", person).isIn(403, 404);
		}
		table.forEach(System.out::println);
		assertThat(sight("manager", id, reference, officerStep).history).as("managers read history").isPositive();

		// connected people work only their own steps; managers watch, they do not work
		for (String person : List.of("liaison", "investigator", "manager")) {
			assertThat(this.as.complete(person, officerStep, JourneyFixtures.answers(UserTasks.RECORD_CRIME))
				.getStatusCode()
				.value()).as("%s cannot complete the officer's step", person).isEqualTo(403);
		}
		assertThat(this.tasks.createTaskQuery().taskId(officerStep).count()).isEqualTo(1);

		// a supervisor from another team cannot report a missing episode on the case
		ResponseEntity<Map<String, Object>> missing = this.as.exchange("supervisor2", HttpMethod.POST,
				"/engine-rest/message", Map.of("messageName", "VictimReportedMissing", "businessKey", reference));
		assertThat(missing.getStatusCode().is4xxClientError()).as("%s", missing.getBody()).isTrue();
		assertThat(this.tasks.createTaskQuery()
			.processInstanceId(id)
			.taskDefinitionKey(UserTasks.RESPOND_TO_MISSING_VICTIM)
			.count()).isZero();

		// the case's supervisor reassigns a step: the new assignee is connected by it
		ResponseEntity<Map<String, Object>> reassigned = this.as.exchange("supervisor", HttpMethod.POST,
				"/engine-rest/task/" + officerStep + "/assignee", Map.of("userId", "officer2"));
		assertThat(reassigned.getStatusCode().value()).as("%s", reassigned.getBody()).isEqualTo(204);
		assertThat(keys("officer2", id)).contains(UserTasks.RECORD_CRIME);
		step("officer2", id, UserTasks.RECORD_CRIME);
	}

	@Test
	void accessPerCase_connectedPeopleChangeACaseOnlyThroughItsFormsAndMessages() {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		step("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		String crime = openTask(id, UserTasks.RECORD_CRIME);
		Map<String, Object> consent = Map.of("consentGiven", Map.of("value", true, "type", "Boolean"));
		Map<String, Object> before = this.runtime.getVariables(id);
		long tasksBefore = this.tasks.createTaskQuery().processInstanceId(id).count();

		// the case's supervisor and the officer working a step hold rights over the case,
		// but cannot use the engine's side doors
		List<String[]> attempts = List.of(
				new String[] { "supervisor", "POST", "/engine-rest/process-instance/" + id + "/variables" },
				new String[] { "supervisor", "PUT", "/engine-rest/process-instance/" + id + "/variables/consentGiven" },
				new String[] { "supervisor", "DELETE", "/engine-rest/process-instance/" + id + "/variables/pathway" },
				new String[] { "officer", "POST", "/engine-rest/task/" + crime + "/variables" },
				new String[] { "officer", "POST", "/engine-rest/task/" + crime + "/localVariables" },
				new String[] { "supervisor", "POST", "/engine-rest/process-instance/" + id + "/modification" },
				new String[] { "supervisor", "PUT", "/engine-rest/process-instance/" + id + "/suspended" },
				new String[] { "supervisor", "DELETE", "/engine-rest/process-instance/" + id },
				new String[] { "officer", "POST", "/engine-rest/task/" + crime + "/comment/create" },
				new String[] { "officer", "POST", "/engine-rest/task/create" }, new String[] { "supervisor", "POST",
						"/engine-rest/execution/" + id + "/messageSubscriptions/VictimReportedMissing/trigger" });
		for (String[] attempt : attempts) {
			Object body = attempt[2].endsWith("/variables") ? Map.of("modifications", consent)
					: attempt[2].endsWith("/consentGiven") ? Map.of("value", true, "type", "Boolean")
							: attempt[2].endsWith("/comment/create") ? Map.of("message", "Found at 12 Hidden Lane")
									: attempt[2].endsWith("/trigger") ? Map.of("variables", consent)
											: Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
													"activityId", UserTasks.SUBMIT_NRM_REFERRAL)));
			ResponseEntity<Map<String, Object>> response = this.as.exchange(attempt[0], HttpMethod.valueOf(attempt[1]),
					attempt[2], body);
			assertThat(response.getStatusCode().value()).as("%s %s %s", attempt[0], attempt[1], attempt[2])
				.isEqualTo(403);
			assertThat((String) response.getBody().get("message")).contains("only through its steps' forms");
		}
		// a case starts at its start, and a message carries only what the journey expects
		Map<String, Object> atNrm = new java.util.HashMap<>(
				Map.of("variables", RestJourney.typed(JourneyFixtures.adultReport())));
		atNrm.put("startInstructions",
				List.of(Map.of("type", "startBeforeActivity", "activityId", UserTasks.SUBMIT_NRM_REFERRAL)));
		assertThat(this.as
			.exchange("officer", HttpMethod.POST, "/engine-rest/process-definition/key/victim-safeguarding/start",
					atNrm)
			.getStatusCode()
			.value()).isEqualTo(403);
		ResponseEntity<Map<String, Object>> message = this.as.exchange("supervisor", HttpMethod.POST,
				"/engine-rest/message",
				Map.of("messageName", "VictimReportedMissing", "businessKey", reference, "processVariables", consent));
		assertThat(message.getStatusCode().value()).isEqualTo(400);
		assertThat((String) message.getBody().get("message")).contains("cannot carry 'consentGiven'");

		assertThat(this.runtime.getVariables(id)).isEqualTo(before);
		assertThat(this.tasks.createTaskQuery().processInstanceId(id).count()).isEqualTo(tasksBefore);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(id).active().count()).isEqualTo(1);
		assertThat(this.tasks.getTaskComments(crime)).isEmpty();
	}

	@Test
	void accessPerCase_groupWideGrantsLeftByEarlierVersionsAreWithdrawnAtStart() {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		step("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		String deploy = openTask(id, UserTasks.DEPLOY_VICTIM_LIAISON);
		// what Camunda's default grant for a candidate group left on a task, and the
		// force-wide supervisor grant of earlier versions
		Authorization old = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		old.setGroupId(Groups.SUPERVISORS);
		old.setResource(Resources.TASK);
		old.setResourceId(deploy);
		old.addPermission(Permissions.READ);
		old.addPermission(Permissions.UPDATE);
		this.authorizations.saveAuthorization(old);
		Authorization forceWide = this.authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.SUPERVISORS)
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId("*")
			.singleResult();
		if (forceWide == null) {
			forceWide = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			forceWide.setGroupId(Groups.SUPERVISORS);
			forceWide.setResourceId("*");
		}
		forceWide.setResource(Resources.PROCESS_INSTANCE);
		forceWide.addPermission(Permissions.UPDATE);
		this.authorizations.saveAuthorization(forceWide);
		assertThat(keys("supervisor2", id)).contains(UserTasks.DEPLOY_VICTIM_LIAISON);

		this.accessSetup.setUp();

		assertThat(keys("supervisor2", id)).isEmpty();
		assertThat(keys("supervisor", id)).contains(UserTasks.DEPLOY_VICTIM_LIAISON);
		assertThat(this.authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.SUPERVISORS)
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId("*")
			.count()).isZero();
	}

	@Test
	void accessPerCase_administratorsManageUsersAndTheDirectory_notCases() {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");

		assertThat(status("useradmin", "/api/directory")).isEqualTo(200);
		ResponseEntity<Map<String, Object>> created = this.as.exchange("useradmin", HttpMethod.POST,
				"/engine-rest/user/create",
				Map.of("profile",
						Map.of("id", "newofficer", "firstName", "New", "lastName", "Officer", "email",
								"new.officer@police.example.org"),
						"credentials", Map.of("password", RestJourney.PASSWORD)));
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isIn(200, 204);
		assertThat(this.identity.createUserQuery().userId("newofficer").count()).isEqualTo(1);

		assertThat(keys("useradmin", id)).isEmpty();
		assertThat(status("useradmin", "/engine-rest/process-instance/" + id)).isIn(403, 404);
		assertThat(status("useradmin", "/api/cases/" + reference)).isEqualTo(404);
		// nor do they start cases
		assertThat(this.as.start("useradmin", JourneyFixtures.adultReport()).getStatusCode().value()).isIn(403, 404);
	}

	@Test
	void accessPerCase_theBreakGlassAdministratorReadsAndRepairsAnyCase_andEachReadAndChangeIsInTheAccessLog() {
		Map<String, Object> started = this.as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		String crime = openTask(id, UserTasks.RECORD_CRIME);

		// not connected to the case, and yet reads all of it
		assertThat(keys("admin", id)).contains(UserTasks.RECORD_CRIME, UserTasks.ALLOCATE_INVESTIGATOR);
		assertThat(status("admin", "/engine-rest/process-instance/" + id + "/variables")).isEqualTo(200);
		assertThat(status("admin", "/api/cases/" + reference)).isEqualTo(200);
		// and repairs it: gives a step to someone, grants a right in Admin
		ResponseEntity<Map<String, Object>> reassigned = this.as.exchange("admin", HttpMethod.POST,
				"/engine-rest/task/" + crime + "/assignee", Map.of("userId", "officer2"));
		assertThat(reassigned.getStatusCode().value()).as("%s", reassigned.getBody()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(crime).singleResult().getAssignee()).isEqualTo("officer2");
		ResponseEntity<Map<String, Object>> granted = this.as.exchange("admin", HttpMethod.POST,
				"/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ACCESS"), "userId",
						"officer2", "resourceType", Resources.APPLICATION.resourceType(), "resourceId", "cockpit"));
		assertThat(granted.getStatusCode().value()).as("%s", granted.getBody()).isEqualTo(200);
		this.authorizations.deleteAuthorization((String) granted.getBody().get("id"));

		ResponseEntity<List<Map<String, Object>>> log = this.rest.withBasicAuth("manager", RestJourney.PASSWORD)
			.exchange("/api/access-log/" + reference, HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					});
		List<String> byAdmin = log.getBody()
			.stream()
			.filter((line) -> "admin".equals(line.get("userId")))
			.map((line) -> line.get("operation") + " " + line.get("purpose"))
			.toList();
		assertThat(byAdmin).anyMatch((line) -> line.startsWith("CONSULTATION") && line.contains("/variables"))
			.anyMatch((line) -> line.startsWith("CONSULTATION") && line.contains("/api/cases/" + reference))
			.anyMatch((line) -> line.equals("ALTERATION break-glass POST /engine-rest/task/" + crime + "/assignee"));
		assertThat(this.breakGlassWarning.warning()).contains("admin").contains(Groups.USER_ADMINISTRATORS);
	}

	private void step(String person, String processInstanceId, String step) {
		this.as.completeStep(person, processInstanceId, step, JourneyFixtures.answers(step));
	}

	private String openTask(String processInstanceId, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private Sight sight(String person, String processInstanceId, String reference, String taskId) {
		int tasks = this.as.tasks(person, processInstanceId).size();
		int instance = status(person, "/engine-rest/process-instance/" + processInstanceId);
		int variables = status(person, "/engine-rest/process-instance/" + processInstanceId + "/variables");
		int formVariables = status(person, "/engine-rest/task/" + taskId + "/form-variables");
		ResponseEntity<List<Map<String, Object>>> history = this.rest.withBasicAuth(person, RestJourney.PASSWORD)
			.exchange("/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId, HttpMethod.GET,
					null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
					});
		assertThat(history.getStatusCode().value()).isEqualTo(200);
		int record = status(person, "/api/cases/" + reference);
		return new Sight(tasks, instance, variables, formVariables, history.getBody().size(), record);
	}

	private int status(String person, String path) {
		return this.rest.withBasicAuth(person, RestJourney.PASSWORD)
			.exchange(path, HttpMethod.GET, null, String.class)
			.getStatusCode()
			.value();
	}

	private List<String> keys(String person, String processInstanceId) {
		return this.as.tasks(person, processInstanceId)
			.stream()
			.map((task) -> (String) task.get("taskDefinitionKey"))
			.toList();
	}

	private void person(String id, String group) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setPassword(RestJourney.PASSWORD);
		user.setEmail(id + "@police.example.org");
		this.identity.saveUser(user);
		this.identity.createMembership(id, group);
	}

	record Sight(int tasks, int instance, int variables, int formVariables, int history, int record) {

		String line(String person, boolean connected) {
			return "access[" + person + (connected ? ", connected" : ", not connected") + "]: tasks=" + this.tasks
					+ " instance=" + this.instance + " variables=" + this.variables + " formVariables="
					+ this.formVariables + " historyRows=" + this.history + " caseRecord=" + this.record;
		}

	}

}
