package uk.safeguarding.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The Tasklist filters of each role: created once across restarts, brought back when the
 * product's definition changes, shared with their groups only, and each returning what
 * its name says for a seeded set of cases, within the cases the user may see.
 */
@SharedApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistFiltersTest {

	static final List<String> NAMES = List.of("My tasks", "My team's tasks", "Overdue on my cases", "Due today",
			"Immediate risk", "Child cases", "Awaiting Home Office decision", "Missing now");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TasklistFilters setup;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	String child;

	String adult;

	@BeforeAll
	void seed() {
		// a child at immediate risk identified 3 hours ago (immediate safeguarding
		// overdue);
		// an adult identified a minute ago, reported missing since
		Map<String, Object> childReport = JourneyFixtures.childReport();
		childReport.put("immediateRisk", true);
		childReport.put("identifiedAt", minutesAgo(180));
		this.child = (String) new RestJourney(this.rest).start("officer", childReport).getBody().get("id");
		Map<String, Object> adultReport = JourneyFixtures.adultReport();
		adultReport.put("identifiedAt", minutesAgo(1));
		Map<String, Object> adultCase = new RestJourney(this.rest).start("officer", adultReport).getBody();
		this.adult = (String) adultCase.get("id");
		this.runtime.createMessageCorrelation("VictimReportedMissing")
			.processInstanceBusinessKey((String) adultCase.get("businessKey"))
			.correlate();
	}

	@Test
	void theEightFiltersExistOnce_andARestartChangesNothing() {
		List<String> ids = NAMES.stream().map((name) -> this.setup.find(name).getId()).toList();

		this.setup.setUp();
		this.setup.setUp();

		assertThat(NAMES).allSatisfy(
				(name) -> assertThat(this.filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1));
		assertThat(NAMES.stream().map((name) -> this.setup.find(name).getId()).toList()).isEqualTo(ids);
		assertThat(this.setup.find("Overdue on my cases").getProperties()).containsEntry("refresh", true)
			.containsKey("variables");
		assertThat(this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId("*")
			.groupIdIn("first-responders", "victim-liaison", "supervisors", "investigators", "managers")
			.count()).as("no group reads every filter").isZero();
	}

	@Test
	void aFilterChangedOrUnsharedByAnEarlierVersion_isBroughtBackAtStart() {
		Filter childCases = this.setup.find("Child cases");
		childCases.setQuery(this.tasks.createTaskQuery().taskName("nothing at all"));
		childCases.getProperties().put("productDefinition", "an earlier version");
		this.filters.saveFilter(childCases);
		this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(childCases.getId())
			.groupIdIn("supervisors")
			.list()
			.forEach((grant) -> this.authorizations.deleteAuthorization(grant.getId()));

		this.setup.setUp();

		assertThat(this.setup.find("Child cases").getId()).isEqualTo(childCases.getId());
		assertThat(this.setup.find("Child cases").getProperties().get("productDefinition"))
			.isNotEqualTo("an earlier version");
		// other tests of the shared application have child cases too: this test's adult
		// must not be listed, its child must
		assertThat(instances(listAs("manager", "Child cases"))).contains(this.child).doesNotContain(this.adult);
		assertThat(listAs("supervisor", "Child cases")).as("shared with supervisors again").isNotNull();
	}

	@Test
	void eachFilterReturnsWhatItsNameSays_forASeededSetOfCases() {
		Task childSafeguarding = task(this.child, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		Task adultSafeguarding = task(this.adult, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		Task missing = task(this.adult, UserTasks.RESPOND_TO_MISSING_VICTIM);

		assertThat(ids(listAs("manager", "Overdue on my cases"))).contains(childSafeguarding.getId())
			.doesNotContain(adultSafeguarding.getId());
		assertThat(listAs("manager", "Overdue on my cases"))
			.allSatisfy((task) -> assertThat(task.getDueDate()).isBefore(java.util.Date.from(Instant.now())));
		assertThat(instances(listAs("manager", "Immediate risk"))).contains(this.child).doesNotContain(this.adult);
		assertThat(instances(listAs("manager", "Child cases"))).contains(this.child).doesNotContain(this.adult);
		assertThat(ids(listAs("manager", "Missing now"))).contains(missing.getId());
		assertThat(instances(listAs("manager", "Missing now"))).doesNotContain(this.child);
		assertThat(instances(listAs("manager", "Awaiting Home Office decision")))
			.as("neither case has reached a Home Office decision")
			.doesNotContain(this.child, this.adult);
		ZonedDateTime today = ZonedDateTime.now().truncatedTo(ChronoUnit.DAYS);
		List<String> dueToday = seededTasks().stream()
			.filter((task) -> !task.getDueDate().toInstant().isBefore(today.toInstant())
					&& task.getDueDate().toInstant().isBefore(today.plusDays(1).toInstant()))
			.map(Task::getId)
			.toList();
		assertThat(ids(listAs("manager", "Due today")).stream().filter(ids(seededTasks())::contains).toList())
			.containsExactlyInAnyOrderElementsOf(dueToday);

		List<Task> mine = listAs("officer", "My tasks");
		assertThat(mine).isNotEmpty().allSatisfy((task) -> assertThat(task.getAssignee()).isEqualTo("officer"));
		assertThat(ids(mine)).contains(childSafeguarding.getId());

		List<Task> overdue = listAs("manager", "Overdue on my cases");
		List<Task> sorted = new ArrayList<>(overdue);
		sorted.sort(java.util.Comparator.comparing(Task::getDueDate));
		assertThat(overdue).as("sorted by due date").containsExactlyElementsOf(sorted);
	}

	@Test
	void aSupervisorFindsTheOverdueStepOfANewCase_inOverdueOnMyCases() {
		// nobody supervises the child's case yet: it is every supervisor's to watch, and
		// its overdue immediate safeguarding (the officer's step) is escalated to them
		Task childSafeguarding = task(this.child, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		assertThat(ids(listAs("supervisor", "Overdue on my cases"))).contains(childSafeguarding.getId());
		assertThat(ids(listAs("investigator", "Overdue on my cases"))).doesNotContain(childSafeguarding.getId());
	}

	@Test
	void eachFilterKeepsToTheCasesAPersonMaySee_andToTheGroupsItIsFor() {
		this.identity.setAuthentication("liaison", List.of("victim-liaison"));
		try {
			assertThat(this.filters.createFilterQuery().list()).extracting(Filter::getName)
				.as("Tasklist lists the filters of the liaison officer's role")
				.containsExactly("My tasks", "My team's tasks", "Overdue on my cases", "Due today", "Child cases",
						"Awaiting Home Office decision");
		}
		finally {
			this.identity.clearAuthentication();
		}
		// the liaison officer is connected to neither case
		assertThat(instances(listAs("liaison", "Overdue on my cases"))).doesNotContain(this.child, this.adult);
		assertThat(instances(listAs("liaison", "Child cases"))).doesNotContain(this.child);
		assertThatThrownBy(() -> listAs("liaison", "Missing now")).as("Missing now is for supervisors and managers")
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> listAs("officer", "Child cases")).isInstanceOf(AuthorizationException.class);
	}

	private List<Task> listAs(String user, String filter) {
		List<String> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		String id = this.setup.find(filter).getId();
		this.identity.setAuthentication(user, groups);
		try {
			return this.filters.list(id);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private List<Task> seededTasks() {
		List<Task> seeded = new ArrayList<>(this.tasks.createTaskQuery().processInstanceId(this.child).list());
		seeded.addAll(this.tasks.createTaskQuery().processInstanceId(this.adult).list());
		return seeded;
	}

	private Task task(String processInstanceId, String step) {
		return this.tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step).singleResult();
	}

	private static List<String> ids(List<Task> tasks) {
		return tasks.stream().map(Task::getId).toList();
	}

	private static Set<String> instances(List<Task> tasks) {
		return Set.copyOf(tasks.stream().map(Task::getProcessInstanceId).toList());
	}

	private static String minutesAgo(int minutes) {
		return LocalDateTime.ofInstant(Instant.now().minus(minutes, ChronoUnit.MINUTES), ZoneId.of("Europe/London"))
			.truncatedTo(ChronoUnit.MINUTES)
			.toString();
	}

}
