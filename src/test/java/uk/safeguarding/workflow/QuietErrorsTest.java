package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.process.JourneyFixtures;
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
		// the test's own HTTP client logs what it sends
		return appender.list.stream()
			.filter((event) -> !event.getLoggerName().startsWith("org.springframework.web.client"))
			.toList();
	}

}
