package uk.safeguarding.workflow.victimcase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.process.Step;
import uk.safeguarding.workflow.process.Steps;

/** What a step's entry says it records, the case record can hold. */
class StepFactsTest {

	@Test
	void everyFieldAStepRecords_hasAPlaceInTheCaseRecord() {
		for (Step step : Steps.ALL) {
			assertThat(StepFacts.recordable()).as("case record fields %s records", step.taskId())
				.containsAll(step.recorded());
		}
	}

}
