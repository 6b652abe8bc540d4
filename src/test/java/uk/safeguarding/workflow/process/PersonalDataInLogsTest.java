package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import uk.safeguarding.workflow.DeliveryJobs;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * No personal data in logs at any level: a journey with a distinctive name, run with the
 * product's and the engine's loggers at DEBUG, leaves the name, date of birth and
 * place-of-safety address in no log line.
 */
@SharedApplicationTest
class PersonalDataInLogsTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Test
	void personalDataStaysOutOfTheLogs_evenAtDebug() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		List<String> names = List.of("uk.safeguarding", "org.camunda", "org.springframework.mail",
				"org.springframework.web");
		List<Level> before = new ArrayList<>();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		for (String name : names) {
			before.add(logging.getLogger(name).getLevel());
			logging.getLogger(name).setLevel(Level.DEBUG);
		}
		try {
			RestJourney as = new RestJourney(this.rest);
			Map<String, Object> started = as.start("officer", JourneyFixtures.childReport()).getBody();
			String id = (String) started.get("id");
			as.completeStep("officer", id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
					JourneyFixtures.answers(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
			Map<String, Object> badCrime = JourneyFixtures.answers(UserTasks.RECORD_CRIME);
			badCrime.put("crimeReference", JourneyFixtures.DISTINCTIVE_NAME);
			as.complete("officer", as.taskId("officer", id, UserTasks.RECORD_CRIME), badCrime);
			Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.until(() -> this.management.createJobQuery().processInstanceId(id).executable().count() == 0
						&& new DeliveryJobs(this.runtime, this.management)
							.executable((String) started.get("businessKey")) == 0);
		}
		finally {
			root.detachAppender(appender);
			for (int i = 0; i < names.size(); i++) {
				logging.getLogger(names.get(i)).setLevel(before.get(i));
			}
		}
		List<String> lines = appender.list.stream()
			// the test's own HTTP client logs what it sends; the product's logs are the
			// question
			.filter((event) -> !event.getLoggerName().startsWith("org.springframework.web.client"))
			.map((event) -> event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
			.toList();
		assertThat(lines).as("log lines captured at DEBUG").hasSizeGreaterThan(100);
		String dateOfBirth = (String) JourneyFixtures.childReport().get("dateOfBirth");
		assertThat(lines.stream()
			.filter((line) -> line.contains(JourneyFixtures.DISTINCTIVE_NAME) || line.contains("Hidden Lane")
					|| line.contains("passport was taken") || line.contains(dateOfBirth))
			.map((line) -> line.length() > 300 ? line.substring(0, 300) : line)
			.toList()).as("log lines with personal data").isEmpty();
	}

}
