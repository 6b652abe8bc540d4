package uk.safeguarding.workflow.safeguarding.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.safeguarding.NotificationDeliveryException;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The product's failed-job command changes retries for its own jobs only: a permanent
 * failure in the victim journey or a notice's delivery raises its incident at once, and
 * the same failure in any other process keeps the engine's own retries.
 */
class NotificationRetryCommandFactoryTest {

	private static final String OTHER_PROCESS = "another-teams-process";

	private static final NotificationOutbox OUTBOX = mock(NotificationOutbox.class);

	private static final ProcessEngine ENGINE = engine();

	static {
		ENGINE.getRepositoryService()
			.createDeployment()
			.addModelInstance("journey.bpmn", failingProcess(VictimSafeguardingProcess.KEY))
			.addModelInstance("other.bpmn", failingProcess(OTHER_PROCESS))
			.addModelInstance("delivery.bpmn", failingProcess(NotificationDeliveryProcess.KEY))
			.deploy();
	}

	@BeforeEach
	void failingDelegate() {
		org.mockito.Mockito.reset(OUTBOX);
		Mocks.register("failingDelegate", (JavaDelegate) (execution) -> {
			throw new NotificationDeliveryException("area E06000001 is not in the safeguarding directory", true);
		});
	}

	@AfterAll
	static void close() {
		Mocks.reset();
		ENGINE.close();
	}

	@Test
	void permanentFailureInTheJourney_raisesItsIncidentAtOnce() {
		Job job = failOnce(VictimSafeguardingProcess.KEY);

		assertThat(job.getRetries()).isZero();
		assertThat(ENGINE.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(job.getProcessInstanceId())
			.singleResult()
			.getIncidentMessage()).isEqualTo("area E06000001 is not in the safeguarding directory");
	}

	@Test
	void permanentFailureOfADelivery_raisesItsIncidentAtOnce_andMarksTheNoticeFailed() {
		String instance = ENGINE.getRuntimeService()
			.startProcessInstanceByKey(NotificationDeliveryProcess.KEY, "MSHT-2026-000001",
					Map.of(NotificationDeliveryProcess.NOTIFICATION_ID, 42L))
			.getId();
		Job job = failInstanceOnce(instance);

		assertThat(job.getRetries()).isZero();
		assertThat(ENGINE.getRuntimeService().createIncidentQuery().processInstanceId(instance).count()).isOne();
		verify(OUTBOX).retriesExhausted(42L, "area E06000001 is not in the safeguarding directory");
	}

	@Test
	void sameFailureInAnotherProcess_keepsTheEnginesOwnRetries() {
		Job job = failOnce(OTHER_PROCESS);

		// the engine's default: three attempts, one used
		assertThat(job.getRetries()).isEqualTo(2);
		assertThat(
				ENGINE.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
			.isZero();
		verifyNoInteractions(OUTBOX);
	}

	private static Job failOnce(String processKey) {
		return failInstanceOnce(ENGINE.getRuntimeService().startProcessInstanceByKey(processKey).getId());
	}

	private static Job failInstanceOnce(String instance) {
		Job job = ENGINE.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
		assertThatThrownBy(() -> ENGINE.getManagementService().executeJob(job.getId()))
			.isInstanceOf(NotificationDeliveryException.class);
		return ENGINE.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
	}

	@SuppressWarnings("unchecked")
	private static ProcessEngine engine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("notification-retries");
		configuration.setJdbcUrl("jdbc:h2:mem:notification-retries;DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setJobExecutorActivate(false);
		configuration.setExpressionManager(new MockExpressionManager());
		ObjectProvider<NotificationOutbox> outbox = mock(ObjectProvider.class);
		when(outbox.getObject()).thenReturn(OUTBOX);
		configuration.setProcessEnginePlugins(List.of(new NotificationEnginePlugin(outbox)));
		return configuration.buildProcessEngine();
	}

	private static BpmnModelInstance failingProcess(String key) {
		return Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("ServiceTask_Deliver")
			.camundaAsyncBefore()
			.camundaDelegateExpression("${failingDelegate}")
			.endEvent()
			.done();
	}

}
