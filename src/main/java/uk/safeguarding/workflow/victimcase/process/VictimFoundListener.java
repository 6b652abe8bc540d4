package uk.safeguarding.workflow.victimcase.process;

import java.util.OptionalInt;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.identity.CaseActor;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Closes the open missing episode when {@code VictimFound} arrives, in the transaction
 * that correlates the message. The episode's number is the occasion of the notices, so
 * the hub hears once per episode that the person is found. Refused (and nothing changes)
 * when no episode is open.
 */
@Component("victimFoundListener")
public class VictimFoundListener implements ExecutionListener {

	private final VictimCaseService cases;

	public VictimFoundListener(VictimCaseService cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String actor = CaseActor.of(execution);
		OptionalInt episode = this.cases.closeMissingEpisodes(execution.getProcessBusinessKey(), actor,
				JourneyTime.now());
		if (episode.isEmpty()) {
			throw new SafeguardingRuleViolation(Messages.VICTIM_FOUND,
					"No missing episode is open on this case: report the person missing first.");
		}
		execution.setVariableLocal(Variables.MISSING_EPISODE, episode.getAsInt());
	}

}
