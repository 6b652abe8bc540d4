package uk.safeguarding.workflow.victimcase.process;

import uk.safeguarding.workflow.process.StepListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.nrm.DutyToNotifyReport;
import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.process.OpenItems;
import uk.safeguarding.workflow.process.Step;
import uk.safeguarding.workflow.process.Step.Preparation;
import uk.safeguarding.workflow.process.Steps;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.identity.CaseActor;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.PersonalData;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Keeps the case record in step with the journey. On completion of any human step it
 * moves personal data and free text out of the engine into the case record (same
 * transaction), records the step's facts and a chronology entry. On creation it prepares
 * what some forms show.
 */
@Component("caseRecordTaskListener")
public class CaseRecordTaskListener implements StepListener {

	private final VictimCaseService cases;

	private final JourneyPolicy policy;

	public CaseRecordTaskListener(VictimCaseService cases, JourneyPolicy policy) {
		this.cases = cases;
		this.policy = policy;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			created(task);
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			completed(task);
		}
	}

	private void created(DelegateTask task) {
		Set<Preparation> prepares = Steps.of(task.getTaskDefinitionKey()).map(Step::prepares).orElse(Set.of());
		for (Preparation preparation : prepares) {
			switch (preparation) {
				case DUTY_TO_NOTIFY_SUMMARY -> this.cases.find(reference(task))
					.ifPresent((record) -> task.setVariableLocal(Variables.DUTY_TO_NOTIFY_SUMMARY,
							DutyToNotifyReport.summary(record)));
				case OPEN_ITEMS -> task.setVariableLocal(Variables.OPEN_ITEMS_SUMMARY, openItems(task));
			}
		}
	}

	private void completed(DelegateTask task) {
		Map<String, Object> caseRecordOnly = new LinkedHashMap<>();
		Map<String, Object> facts = new HashMap<>();
		for (Map.Entry<String, Object> variable : task.getVariables().entrySet()) {
			if (PersonalData.isCaseRecordOnly(variable.getKey())) {
				caseRecordOnly.put(variable.getKey(), variable.getValue());
			}
			else {
				facts.put(variable.getKey(), variable.getValue());
			}
		}
		for (String name : caseRecordOnly.keySet()) {
			task.removeVariable(name);
		}
		facts.put("retentionReviewYears", this.policy.getRetentionReviewYears());
		this.cases.recordStep(reference(task), task.getTaskDefinitionKey(), task.getName(), CaseActor.of(task), facts,
				caseRecordOnly, JourneyTime.now());
	}

	static String openItems(DelegateTask task) {
		return OpenItems.summary(OpenItems.of(task));
	}

	private static String reference(DelegateTask task) {
		return task.getExecution().getProcessBusinessKey();
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_CREATE, EVENTNAME_COMPLETE);
	}

	@Override
	public int getOrder() {
		return CASE_RECORD;
	}

}
