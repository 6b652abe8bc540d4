package uk.safeguarding.workflow.victimcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/** Writes the pathway and risk level the decision table found into the case record. */
@Component("recordPathwayListener")
public class RecordPathwayListener implements ExecutionListener {

	private final VictimCaseService cases;

	public RecordPathwayListener(VictimCaseService cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.cases.recordPathway(execution.getProcessBusinessKey(), (String) execution.getVariable(Variables.PATHWAY),
				(String) execution.getVariable(Variables.RISK_LEVEL), JourneyTime.now());
	}

}
