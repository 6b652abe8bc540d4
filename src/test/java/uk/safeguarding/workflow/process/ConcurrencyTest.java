package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Issue 12, item 4: people racing each other over REST against the running application.
 * Simultaneous starts all get a case of their own; the same step completed or claimed at
 * the same instant has one winner, and everyone else gets a 4xx with a sentence saying
 * someone got there first; never a 500.
 */
@SharedApplicationTest
class ConcurrencyTest {

	static final int RACERS = 4;

	static final List<String> SUPERVISORS = List.of("supervisor", "racesupervisor1", "racesupervisor2",
			"racesupervisor3");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	RestJourney as;

	@BeforeEach
	void supervisors() {
		this.as = new RestJourney(this.rest);
		for (String id : SUPERVISORS.subList(1, SUPERVISORS.size())) {
			if (this.identity.createUserQuery().userId(id).count() == 0) {
				User user = this.identity.newUser(id);
				user.setPassword(RestJourney.PASSWORD);
				user.setEmail(id + "@police.example.org");
				this.identity.saveUser(user);
				this.identity.createMembership(id, Groups.SUPERVISORS);
			}
		}
	}

	/** Other tests count a group's members (escalations go to every supervisor). */
	@AfterEach
	void supervisorsLeave() {
		SUPERVISORS.subList(1, SUPERVISORS.size()).forEach(this.identity::deleteUser);
	}

	@Test
	void concurrency_simultaneousStarts_eachGetTheirOwnCase() throws Exception {
		List<ResponseEntity<Map<String, Object>>> starts = race(
				(racer) -> this.as.start("officer", JourneyFixtures.adultReport()));

		System.out.println("concurrency[starts]: " + statuses(starts));
		assertThat(starts).allSatisfy(
				(response) -> assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200));
		assertThat(starts.stream().map((response) -> response.getBody().get("businessKey")).distinct()).hasSize(RACERS);
	}

	@Test
	void concurrency_theSameStepCompletedAtOnce_oneWins_theOthersAreToldItIsDone() throws Exception {
		String id = (String) this.as.start("officer", JourneyFixtures.adultReport()).getBody().get("id");
		String crime = this.as.taskId("officer", id, UserTasks.RECORD_CRIME);

		List<ResponseEntity<Map<String, Object>>> completions = race(
				(racer) -> this.as.complete("officer", crime, JourneyFixtures.answers(UserTasks.RECORD_CRIME)));

		System.out.println("concurrency[complete]: " + statuses(completions));
		assertOneWinner(completions, 204);
		assertThat(completions).filteredOn((response) -> response.getStatusCode().value() == 404)
			.allSatisfy(
					(response) -> assertThat((String) response.getBody().get("message")).contains("no longer open"));
		assertThat(this.tasks.createTaskQuery().taskId(crime).count()).isZero();
		// a second click, afterwards, is told the same
		ResponseEntity<Map<String, Object>> again = this.as.complete("officer", crime,
				JourneyFixtures.answers(UserTasks.RECORD_CRIME));
		assertThat(again.getStatusCode().value()).isEqualTo(404);
		assertThat((String) again.getBody().get("message")).contains("no longer open");
	}

	@Test
	void concurrency_theSameStepClaimedAtOnce_oneHoldsIt_theOthersAreRefused() throws Exception {
		String id = (String) this.as.start("officer", JourneyFixtures.adultReport()).getBody().get("id");
		String allocate = this.as.taskId("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);

		List<ResponseEntity<Map<String, Object>>> claims = race((racer) -> this.as.exchange(SUPERVISORS.get(racer),
				HttpMethod.POST, "/engine-rest/task/" + allocate + "/claim", Map.of("userId", SUPERVISORS.get(racer))));

		System.out.println("concurrency[claim]: " + statuses(claims));
		assertOneWinner(claims, 204);
		String holder = this.tasks.createTaskQuery().taskId(allocate).singleResult().getAssignee();
		assertThat(SUPERVISORS).contains(holder);
		// claiming it afterwards, as another supervisor of the case's team would
		String other = SUPERVISORS.stream().filter((person) -> !person.equals(holder)).findFirst().orElseThrow();
		this.tasks.addCandidateUser(allocate, other);
		ResponseEntity<Map<String, Object>> late = this.as.exchange(other, HttpMethod.POST,
				"/engine-rest/task/" + allocate + "/claim", Map.of("userId", other));
		assertThat(late.getStatusCode().value()).as("%s", late.getBody()).isEqualTo(409);
		assertThat((String) late.getBody().get("message")).contains("Someone else has just claimed this step");
		assertThat(this.tasks.createTaskQuery().taskId(allocate).singleResult().getAssignee()).isEqualTo(holder);
	}

	private static void assertOneWinner(List<ResponseEntity<Map<String, Object>>> responses, int won) {
		assertThat(responses).filteredOn((response) -> response.getStatusCode().value() == won).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.getStatusCode().value() != won)
			.hasSize(RACERS - 1)
			.allSatisfy((response) -> assertThat(response.getStatusCode().is4xxClientError())
				.as("%s %s", response.getStatusCode(), response.getBody())
				.isTrue());
	}

	private static List<Integer> statuses(List<ResponseEntity<Map<String, Object>>> responses) {
		return responses.stream().map((response) -> response.getStatusCode().value()).toList();
	}

	/**
	 * Runs the same request from {@link #RACERS} threads released at the same instant.
	 */
	private static <T> List<T> race(Function<Integer, T> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		try {
			CountDownLatch ready = new CountDownLatch(RACERS);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int racer = 0; racer < RACERS; racer++) {
				int number = racer;
				Callable<T> call = () -> {
					ready.countDown();
					go.await();
					return request.apply(number);
				};
				futures.add(pool.submit(call));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
