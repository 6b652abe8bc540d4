package uk.safeguarding.workflow.victimcase.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.nrm.DutyToNotifyReport;
import uk.safeguarding.workflow.process.FormValues;
import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.victimcase.PersonalData;

/**
 * Keeps the case record in step with the journey. On completion of any human step it
 * moves personal data and free text out of the engine into the case record (same
 * transaction), records the step's facts and a chronology entry. On creation it prepares
 * what some forms show.
 */
@Component("caseRecordTaskListener")
public class CaseRecordTaskListener implements TaskListener {

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
		String reference = reference(task);
		if (UserTasks.SUBMIT_DUTY_TO_NOTIFY.equals(task.getTaskDefinitionKey())) {
			this.cases.find(reference)
				.ifPresent((record) -> task.setVariableLocal(Variables.DUTY_TO_NOTIFY_SUMMARY,
						DutyToNotifyReport.summary(record)));
		}
		if (UserTasks.REVIEW_CASE_CLOSURE.equals(task.getTaskDefinitionKey())) {
			task.setVariableLocal(Variables.OPEN_ITEMS_SUMMARY, openItems(task));
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
		this.cases.recordStep(reference(task), task.getTaskDefinitionKey(), task.getName(), actor(task), facts,
				caseRecordOnly, FormValues.now());
	}

	static String openItems(DelegateTask task) {
		List<String> open = new ArrayList<>();
		boolean nrm = Boolean.TRUE.equals(task.getVariable(Variables.NRM_SUBMITTED));
		Object rg = task.getVariable(Variables.REASONABLE_GROUNDS_DECISION);
		Object cg = task.getVariable(Variables.CONCLUSIVE_GROUNDS_DECISION);
		if (nrm && rg == null) {
			open.add("The reasonable grounds decision is pending.");
		}
		if ("POSITIVE".equals(rg) && cg == null) {
			open.add("The conclusive grounds decision is pending.");
		}
		Object negativeDate = task.getVariable(Variables.LATEST_NEGATIVE_DECISION_DATE);
		var negative = FormValues.toInstant(negativeDate);
		if (negative != null) {
			LocalDate closes = negative.atZone(FormValues.LONDON).toLocalDate().plusDays(30);
			if (!FormValues.today().isAfter(closes)) {
				open.add("The reconsideration window is open until " + closes + ".");
			}
		}
		long missing = task.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskDefinitionKey(UserTasks.RESPOND_TO_MISSING_VICTIM)
			.count();
		if (missing > 0) {
			open.add("A missing episode is still open.");
		}
		if (!nrm && !Boolean.TRUE.equals(task.getVariable(Variables.DUTY_TO_NOTIFY_SUBMITTED))) {
			open.add("Neither an NRM referral nor a Duty to Notify report has been made.");
		}
		return open.isEmpty() ? "Nothing is still open." : String.join("\n", open);
	}

	private static String reference(DelegateTask task) {
		return task.getExecution().getProcessBusinessKey();
	}

	private static String actor(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : task.getAssignee();
	}

}
