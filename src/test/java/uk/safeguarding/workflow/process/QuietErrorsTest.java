package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Issue 8, item 10: a refused step is one WARN line (rule, step, case reference), not an
 * ERROR with a stack trace; a real failure keeps its ERROR and stack trace.
 */
@SharedApplicationTest
class QuietErrorsTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Test
	void quietErrors_aRefusedStepIsOneWarnLine_withRuleStepAndCase() {
		RestJourney as = new RestJourney(this.rest);
		Map<String, Object> started = as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		String allocate = as.taskId("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR);
		Map<String, Object> notAnInvestigator = JourneyFixtures.answers(UserTasks.ALLOCATE_INVESTIGATOR);
		notAnInvestigator.put("investigator", "officer");

		List<ILoggingEvent> events = captured(() -> as.complete("supervisor", allocate, notAnInvestigator));

		assertThat(events).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR))
			.as("no ERROR for a refused step")
			.isEmpty();
		assertThat(events).filteredOn((event) -> event.getThrowableProxy() != null)
			.as("no stack trace for a refused step")
			.isEmpty();
		List<String> warnings = events.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0)).startsWith("Refused by rule 'investigator' at " + UserTasks.ALLOCATE_INVESTIGATOR
				+ " of case " + reference + ": ");
	}

	@Test
	void quietErrors_aRealFailureKeepsItsErrorAndStackTrace() {
		List<ILoggingEvent> events = captured(() -> {
			assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey("no-such-process"))
				.isInstanceOf(ProcessEngineException.class);
			return null;
		});

		assertThat(events).filteredOn((event) -> event.getLevel() == Level.ERROR)
			.hasSize(1)
			.allSatisfy((event) -> assertThat(event.getThrowableProxy()).isNotNull());
	}

	@Test
	void quietErrors_tasklistsDateButtonsAreRefusedWithASentence_andTheBreakGlassAccountMayRepair() {
		RestJourney as = new RestJourney(this.rest);
		String id = (String) as.start("officer", JourneyFixtures.adultReport()).getBody().get("id");
		String crime = as.taskId("officer", id, UserTasks.RECORD_CRIME);
		// what Tasklist's buttons send: the whole task as read, form reference included
		Map<String, Object> task = as.get("officer", "/engine-rest/task/" + crime).getBody();
		assertThat(task).containsKey("camundaFormRef");
		java.util.Date due = this.tasks.createTaskQuery().taskId(crime).singleResult().getDueDate();

		Map<String, Object> moved = new HashMap<>(task);
		moved.put("due", "2030-01-01T12:00:00.000+0000");
		assertRefused(as.exchange("officer", HttpMethod.PUT, "/engine-rest/task/" + crime, moved),
				"due date comes from the safeguarding deadlines");
		Map<String, Object> followUp = new HashMap<>(task);
		followUp.put("followUp", "2030-01-01T12:00:00.000+0000");
		assertRefused(as.exchange("officer", HttpMethod.PUT, "/engine-rest/task/" + crime, followUp),
				"Follow-up dates are not used");
		Map<String, Object> described = new HashMap<>(task);
		described.put("description", "Found at 12 Hidden Lane");
		assertRefused(as.exchange("officer", HttpMethod.PUT, "/engine-rest/task/" + crime, described),
				"set by the journey");
		org.camunda.bpm.engine.task.Task unchanged = this.tasks.createTaskQuery().taskId(crime).singleResult();
		assertThat(unchanged.getDueDate()).isEqualTo(due);
		assertThat(unchanged.getFollowUpDate()).isNull();
		assertThat(unchanged.getDescription()).isEqualTo(task.get("description"));

		ResponseEntity<Map<String, Object>> repaired = as.exchange("admin", HttpMethod.PUT,
				"/engine-rest/task/" + crime, moved);
		assertThat(repaired.getStatusCode().value()).as("%s", repaired.getBody()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(crime).singleResult().getDueDate())
			.isEqualTo(java.time.Instant.parse("2030-01-01T12:00:00Z"));
	}

	@Test
	void quietErrors_aMalformedQueryParameterIsNamed() {
		RestJourney as = new RestJourney(this.rest);
		ResponseEntity<String> date = this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.getForEntity("/engine-rest/task?dueAfter=tomorrow", String.class);
		assertThat(date.getStatusCode().value()).isEqualTo(400);
		assertThat(date.getBody()).contains("The query parameter 'dueAfter' is not valid: send a date and time")
			.doesNotContain("tomorrow");
		ResponseEntity<String> number = this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.getForEntity("/engine-rest/task?priority=high", String.class);
		assertThat(number.getStatusCode().value()).isEqualTo(400);
		assertThat(number.getBody()).contains("The query parameter 'priority' is not valid: send a whole number");
		ResponseEntity<String> good = this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.getForEntity(
					java.net.URI
						.create(this.rest.getRootUri() + "/engine-rest/task?dueAfter=2026-12-01T09:30:00.000%2B0000"),
					String.class);
		assertThat(good.getStatusCode().value()).as("a date of that form is accepted: %s", good.getBody())
			.isEqualTo(200);
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, String sentence) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat((String) response.getBody().get("message")).contains(sentence);
	}

	private static List<ILoggingEvent> captured(Supplier<?> action) {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		try {
			Object result = action.get();
			if (result instanceof ResponseEntity<?> response) {
				assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
			}
		}
		finally {
			root.detachAppender(appender);
		}
		// the test's own HTTP client logs what it sends; the job executor's threads
		// deliver
		// other tests' notices meanwhile (a mail server that is not up for them is their
		// WARN, not this request's)
		return appender.list.stream()
			.filter((event) -> !event.getLoggerName().startsWith("org.springframework.web.client"))
			.filter((event) -> !event.getThreadName().contains("TaskExecutor"))
			.toList();
	}

}
