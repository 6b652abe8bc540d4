package uk.safeguarding.workflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;

/**
 * A job of the same case (a delivery, a timer; on this node or another) that updates the
 * case's execution while a sweep escalates one of its steps makes the engine refuse the
 * sweep's transaction as concurrent. The sweep runs it again: the supervisor is told
 * once, and nothing is logged as a failed escalation (seen on two nodes, where it was).
 */
@SharedApplicationTest
class ConcurrentUpdateEscalationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessEngine engine;

	@Autowired
	SafeguardingNotifier notifier;

	@Autowired
	StepDeadlines deadlines;

	@Autowired
	EscalationSettings settings;

	@Autowired
	ObjectProvider<MeterRegistry> meters;

	@Autowired
	SweepLocks locks;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NotificationOutbox outbox;

	@Test
	void aSweepRefusedAsConcurrent_isRunAgain_andTellsTheSupervisorOnce() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("identifiedAt",
				LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
		Map<String, Object> started = new RestJourney(this.rest).start("officer", report).getBody();
		String reference = (String) started.get("businessKey");
		String id = (String) started.get("id");
		ConflictingFirst transaction = new ConflictingFirst(this.transactions, 1);
		OverdueEscalation escalation = new OverdueEscalation(this.engine, this.notifier, this.deadlines, this.settings,
				transaction, this.meters, this.locks);

		ListAppender<ILoggingEvent> logged = capture();
		int stored;
		try {
			stored = escalation.sweep(id);
		}
		finally {
			release(logged);
		}

		assertThat(transaction.refused.get()).as("transactions refused as concurrent").isOne();
		assertThat(stored).as("notices stored by the sweep").isOne();
		assertThat(this.outbox.forCase(reference)).filteredOn((view) -> "ESCALATION".equals(view.notice()))
			.as("the supervisor is told once: the refused attempt's notice was rolled back with it")
			.hasSize(1);
		assertThat(logged.list).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.as("warnings while the sweep met the concurrent update")
			.isEmpty();
	}

	@Test
	void aSweepRefusedEveryTime_givesUpOnThatStepWithAWarning_andStoresNothing() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("identifiedAt",
				LocalDateTime.now(ZoneId.of("Europe/London")).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
		Map<String, Object> started = new RestJourney(this.rest).start("officer", report).getBody();
		String reference = (String) started.get("businessKey");
		String id = (String) started.get("id");
		ConflictingFirst transaction = new ConflictingFirst(this.transactions, Integer.MAX_VALUE);
		OverdueEscalation escalation = new OverdueEscalation(this.engine, this.notifier, this.deadlines, this.settings,
				transaction, this.meters, this.locks);

		ListAppender<ILoggingEvent> logged = capture();
		int stored;
		try {
			stored = escalation.sweep(id);
		}
		finally {
			release(logged);
		}

		assertThat(transaction.refused.get()).as("attempts before the sweep leaves it to the next one")
			.isEqualTo(OverdueEscalation.CONCURRENT_UPDATE_ATTEMPTS);
		assertThat(stored).isZero();
		assertThat(this.outbox.forCase(reference)).filteredOn((view) -> "ESCALATION".equals(view.notice())).isEmpty();
		assertThat(logged.list).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("Could not escalate overdue task")
			.doesNotContain(reference);
	}

	private static ListAppender<ILoggingEvent> capture() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		root.addAppender(logged);
		return logged;
	}

	private static void release(ListAppender<ILoggingEvent> logged) {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
	}

	/**
	 * The sweep's transactions, of which the first {@code conflicts} do all their work
	 * and are then refused as the engine refuses a concurrent update: rolled back whole.
	 */
	static final class ConflictingFirst extends TransactionTemplate {

		final AtomicInteger refused = new AtomicInteger();

		private final int conflicts;

		ConflictingFirst(PlatformTransactionManager transactions, int conflicts) {
			super(transactions);
			this.conflicts = conflicts;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			return super.execute((status) -> {
				T result = action.doInTransaction(status);
				if (this.refused.get() < this.conflicts) {
					this.refused.incrementAndGet();
					throw new OptimisticLockingException(
							"ENGINE-03005 Execution of 'UPDATE ExecutionEntity[test]' failed. Entity was updated "
									+ "by another transaction concurrently.");
				}
				return result;
			});
		}

	}

}
