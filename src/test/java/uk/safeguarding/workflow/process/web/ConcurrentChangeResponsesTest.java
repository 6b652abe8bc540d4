package uk.safeguarding.workflow.process.web;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers for "someone else got there first" as the engine reports them: wrapped by
 * the listener that met them, the cause deep in the chain.
 */
class ConcurrentChangeResponsesTest {

	@Test
	void aStepsAuthorizationRemovedByASimultaneousClaim_isAConflict_notAServerError() {
		Throwable thrown = new ProcessEngineException(
				"ENGINE-03051 There was an exception while invoking the TaskListener.",
				new NullValueException("Authorization for Id 'f713f82e' does not exist: authorization is null"));

		Response answer = ConcurrentChangeResponses.of(thrown);

		assertThat(answer).isNotNull();
		assertThat(answer.getStatus()).isEqualTo(409);
		assertThat((String) ((Map<?, ?>) answer.getEntity()).get("message"))
			.startsWith("Someone else changed this case");
	}

	@Test
	void aStepCompletedAMomentAgo_isNotFound() {
		Response answer = ConcurrentChangeResponses.of(new ProcessEngineException("wrapped",
				new NullValueException("Cannot find task with id 42: task is null")));

		assertThat(answer.getStatus()).isEqualTo(404);
	}

	@Test
	void anyOtherMissingValue_isNotTakenForAConcurrentChange() {
		assertThat(ConcurrentChangeResponses.of(new NullValueException("Deployment id is null"))).isNull();
	}

}
