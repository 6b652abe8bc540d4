package uk.safeguarding.workflow.safeguarding.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/** The occasion of a notice: the case opening, or the number of a missing episode. */
final class Occasion {

	private Occasion() {
	}

	static String of(DelegateExecution execution) {
		Object episode = execution.getVariable(Variables.MISSING_EPISODE);
		return (episode != null) ? "missing-episode-" + episode : "case-opened";
	}

}
