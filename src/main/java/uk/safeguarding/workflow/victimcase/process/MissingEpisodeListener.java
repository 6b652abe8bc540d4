package uk.safeguarding.workflow.victimcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.identity.CaseActor;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Opens a missing episode when {@code VictimReportedMissing} arrives. Its number is the
 * occasion of the episode's notifications, so a second episode is notified again and a
 * retry is not.
 */
@Component("missingEpisodeListener")
public class MissingEpisodeListener implements ExecutionListener {

	private final VictimCaseService cases;

	public MissingEpisodeListener(VictimCaseService cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		int episode = this.cases.openMissingEpisode(execution.getProcessBusinessKey(), CaseActor.of(execution),
				JourneyTime.now());
		execution.setVariableLocal(Variables.MISSING_EPISODE, episode);
	}

}
