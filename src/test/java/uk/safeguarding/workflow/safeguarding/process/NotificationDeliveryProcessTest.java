package uk.safeguarding.workflow.safeguarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.springframework.beans.factory.ObjectProvider;

import uk.safeguarding.workflow.safeguarding.NotificationDeliveryException;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

/**
 * Every way through {@code bpmn/notification-delivery.bpmn}, on the engine alone with the
 * product's failed-job behaviour: delivered at once; delivered after the retry cycle's
 * waits; retries run out (an incident, the notice marked FAILED) and Cockpit's retry
 * delivers; a permanent failure raises its incident at once and the retry after a
 * person's answer delivers. The model's coverage must be 100%.
 */
class NotificationDeliveryProcessTest {

	static final String CASE = "MSHT-2026-000042";

	static final Path MODEL = Path.of("bpmn", "notification-delivery.bpmn");

	static final NotificationOutbox OUTBOX = mock(NotificationOutbox.class);

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = coverage();

	static ProcessEngine ENGINE = deployed(extension.getProcessEngine());

	final FakeDelivery delivery = new FakeDelivery();

	@BeforeEach
	void register() {
		Mocks.register("deliverNotificationDelegate", this.delivery);
		Mockito.reset(OUTBOX);
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		org.camunda.bpm.engine.impl.util.ClockUtil.reset();
	}

	@Test
	void deliveredAtTheFirstAttempt_endsTheInstance() {
		String instance = start(7L);
		assertThat(this.delivery.delivered).as("nothing is sent inside the step's transaction").isEmpty();

		ENGINE.getManagementService().executeJob(job(instance).getId());

		assertThat(this.delivery.delivered).containsExactly(7L);
		assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
			.isZero();
		assertThat(ENGINE.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.activityId(NotificationDeliveryProcess.DELIVERED)
			.count()).isOne();
		verifyNoInteractions(OUTBOX);
	}

	@Test
	void retryableFailures_waitTheCycle_thenDeliver() {
		String instance = start(8L);
		this.delivery.failures
			.add(new NotificationDeliveryException("Could not deliver: the mail server is down", false));

		assertThatThrownBy(() -> ENGINE.getManagementService().executeJob(job(instance).getId()))
			.hasMessageContaining("mail server is down");

		Job retry = job(instance);
		assertThat(retry.getRetries()).as("R2/PT1M: two retries left after the first attempt").isEqualTo(2);
		assertThat(retry.getDuedate()).as("the first retry waits a minute")
			.isAfter(Date.from(Instant.now().plusSeconds(50)));
		assertThat(ENGINE.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
		ENGINE.getManagementService().executeJob(retry.getId());
		assertThat(this.delivery.delivered).containsExactly(8L);
		assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
			.isZero();
	}

	@Test
	void retriesRunOut_raiseAnIncidentOnTheDelivery_andCockpitsRetryDelivers() {
		String instance = start(9L);
		for (int i = 0; i < 3; i++) {
			this.delivery.failures
				.add(new NotificationDeliveryException("Could not deliver CASE_OPENED notice for " + CASE, false));
		}
		int attempts = 0;
		while (job(instance).getRetries() > 0) {
			attempts++;
			String id = job(instance).getId();
			assertThatThrownBy(() -> ENGINE.getManagementService().executeJob(id))
				.isInstanceOf(NotificationDeliveryException.class);
		}
		assertThat(attempts).as("once, then once after each wait of R2/PT1M").isEqualTo(3);
		Incident incident = ENGINE.getRuntimeService().createIncidentQuery().processInstanceId(instance).singleResult();
		assertThat(incident.getIncidentMessage()).isEqualTo("Could not deliver CASE_OPENED notice for " + CASE);
		assertThat(incident.getActivityId()).isEqualTo(NotificationDeliveryProcess.DELIVER);
		verify(OUTBOX).retriesExhausted(9L, "Could not deliver CASE_OPENED notice for " + CASE);

		// Cockpit's "retry": one more attempt
		ENGINE.getManagementService().setJobRetries(job(instance).getId(), 1);
		ENGINE.getManagementService().executeJob(job(instance).getId());
		assertThat(this.delivery.delivered).containsExactly(9L);
		assertThat(ENGINE.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isZero();
		assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
			.isZero();
	}

	@Test
	void permanentFailure_raisesItsIncidentAtOnce_andTheRetryAfterAPersonsAnswerDelivers() {
		String instance = start(10L);
		this.delivery.failures
			.add(new NotificationDeliveryException("Could not deliver: confirm with the recipient", true));

		assertThatThrownBy(() -> ENGINE.getManagementService().executeJob(job(instance).getId()))
			.isInstanceOf(NotificationDeliveryException.class);

		assertThat(job(instance).getRetries()).as("no retries wasted").isZero();
		assertThat(ENGINE.getRuntimeService().createIncidentQuery().processInstanceId(instance).singleResult())
			.extracting(Incident::getIncidentMessage)
			.isEqualTo("Could not deliver: confirm with the recipient");
		ENGINE.getManagementService().setJobRetries(job(instance).getId(), 1);
		ENGINE.getManagementService().executeJob(job(instance).getId());
		assertThat(this.delivery.delivered).containsExactly(10L);
	}

	// --- helpers

	static String start(Long notificationId) {
		return ENGINE.getRuntimeService()
			.startProcessInstanceByKey(NotificationDeliveryProcess.KEY, CASE,
					Map.of(NotificationDeliveryProcess.NOTIFICATION_ID, notificationId))
			.getId();
	}

	static Job job(String instance) {
		return ENGINE.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
	}

	static ProcessEngineCoverageExtension coverage() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("notification-delivery");
		configuration.setJdbcUrl("jdbc:h2:mem:notification-delivery;DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setExpressionManager(new MockExpressionManager());
		@SuppressWarnings("unchecked")
		ObjectProvider<NotificationOutbox> outbox = mock(ObjectProvider.class);
		when(outbox.getObject()).thenReturn(OUTBOX);
		configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new NotificationEnginePlugin(outbox))));
		ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
		var builder = ProcessEngineCoverageExtension.builder(configuration);
		if (!String.valueOf(System.getProperty("test")).contains("#")) {
			builder.assertClassCoverageAtLeast(1.0);
		}
		return builder.build();
	}

	static ProcessEngine deployed(ProcessEngine engine) {
		try {
			engine.getRepositoryService()
				.createDeployment()
				.addInputStream(MODEL.getFileName().toString(), java.nio.file.Files.newInputStream(MODEL))
				.deploy();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return engine;
	}

	/**
	 * Stands in for the delegate bean: fails with the queued failures, then delivers; and
	 * gives the model its retry cycle as the bean does.
	 */
	public static class FakeDelivery implements JavaDelegate {

		final Deque<RuntimeException> failures = new ArrayDeque<>();

		final List<Long> delivered = new ArrayList<>();

		@Override
		public void execute(DelegateExecution execution) {
			RuntimeException failure = this.failures.poll();
			if (failure != null) {
				throw failure;
			}
			this.delivered
				.add(((Number) execution.getVariable(NotificationDeliveryProcess.NOTIFICATION_ID)).longValue());
		}

		/** The product's "two retries a minute apart", as the delegate hands it over. */
		public String getRetryCycle() {
			return RetrySchedule.parse("R2/PT1M").engineCycle();
		}

	}

}
