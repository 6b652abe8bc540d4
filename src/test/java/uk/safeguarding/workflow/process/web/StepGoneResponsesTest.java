package uk.safeguarding.workflow.process.web;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step completed twice at once: the loser may fail with whatever the engine noticed
 * first (ConcurrencyTest saw a 403 and a 500 beside the 404). Each failure of a
 * completion whose step no longer exists is answered as the step gone; any other failure
 * keeps its answer.
 */
class StepGoneResponsesTest {

	@Test
	void aCompletionOfAStepThatIsGone_isTheStepGone_onEitherRestApi() {
		for (String path : new String[] { "task/t1/complete", "task/t1/submit-form", "/task/t1/complete",
				"engine/default/task/t1/submit-form" }) {
			Response answer = ConcurrentChangeResponses.stepGone(path, (engine, task) -> false);
			assertThat(answer).as(path).isNotNull();
			assertThat(answer.getStatus()).isEqualTo(404);
			assertThat(((Map<?, ?>) answer.getEntity()).get("message").toString()).contains("no longer open");
		}
	}

	@Test
	void theEngineNamedInThePath_isAsked() {
		String[] asked = new String[2];
		ConcurrentChangeResponses.stepGone("engine/other/task/t9/complete", (engine, task) -> {
			asked[0] = engine;
			asked[1] = task;
			return true;
		});
		assertThat(asked).containsExactly("other", "t9");
		ConcurrentChangeResponses.stepGone("task/t8/complete", (engine, task) -> {
			asked[0] = engine;
			return true;
		});
		assertThat(asked[0]).as("the default engine").isNull();
	}

	@Test
	void aStepStillOpen_orAnotherRequest_keepsItsAnswer() {
		assertThat(ConcurrentChangeResponses.stepGone("task/t1/complete", (engine, task) -> true)).isNull();
		assertThat(ConcurrentChangeResponses.stepGone("task/t1/claim", (engine, task) -> false)).isNull();
		assertThat(ConcurrentChangeResponses.stepGone("task/t1/variables", (engine, task) -> false)).isNull();
		assertThat(ConcurrentChangeResponses.stepGone("process-definition/key/x/start", (engine, task) -> false))
			.isNull();
	}

}
