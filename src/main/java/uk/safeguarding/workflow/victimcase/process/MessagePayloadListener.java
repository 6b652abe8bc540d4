package uk.safeguarding.workflow.victimcase.process;

import uk.safeguarding.workflow.process.MessageStartListener;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.identity.CaseActor;
import uk.safeguarding.workflow.process.PersonalData;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Runs as a message event starts, in the transaction that correlates the message: moves
 * personal data and free text that arrived with it (a message's variables land on the
 * process instance) out of the engine into the case record, as
 * {@link CaseRecordTaskListener} does for a completed step. Without it they would sit in
 * the engine's runtime tables until the next step was completed.
 */
@Component("messagePayloadListener")
public class MessagePayloadListener implements MessageStartListener {

	private final VictimCaseService cases;

	public MessagePayloadListener(VictimCaseService cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Map<String, Object> caseRecordOnly = new TreeMap<>();
		for (String name : List.copyOf(execution.getVariableNames())) {
			if (PersonalData.isCaseRecordOnly(name)) {
				caseRecordOnly.put(name, execution.getVariable(name));
				execution.removeVariable(name);
			}
		}
		if (caseRecordOnly.isEmpty()) {
			return;
		}
		String name = execution.getCurrentActivityName();
		this.cases.recordMessageDetails(execution.getProcessBusinessKey(), execution.getCurrentActivityId(),
				(name != null) ? name : execution.getCurrentActivityId(), CaseActor.of(execution), caseRecordOnly,
				JourneyTime.now());
	}

}
