package uk.safeguarding.workflow.oversight.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.oversight.StepOutcomes;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Records each completed step of a case for the dashboard's trends, inside the engine
 * transaction that completes it (the Spring Boot starter publishes task events to Spring
 * listeners, so no engine plugin is needed).
 */
@Component
class StepOutcomeRecorder {

	private final StepOutcomes outcomes;

	StepOutcomeRecorder(StepOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void completed(DelegateTask task) {
		if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
				|| !VictimSafeguardingProcess.KEY.equals(processKey(task))) {
			return;
		}
		Object reference = task.getVariable(Variables.CASE_REFERENCE);
		if (!(reference instanceof String caseReference)) {
			return;
		}
		Date due = task.getDueDate();
		// the engine clock, so that a moved clock (tests, a replay) dates the outcome too
		Instant now = JourneyTime.now();
		this.outcomes.record(caseReference, task.getTaskDefinitionKey(), text(task.getVariable(Variables.AREA_CODE)),
				text(task.getVariable(Variables.PATHWAY)), text(task.getVariable(Variables.CASE_SUPERVISOR)),
				task.getCreateTime().toInstant(), (due != null) ? due.toInstant() : null, now);
	}

	private static String processKey(DelegateTask task) {
		String definitionId = task.getProcessDefinitionId();
		return (definitionId != null) ? definitionId.substring(0, Math.max(0, definitionId.indexOf(':'))) : null;
	}

	private static String text(Object value) {
		return (value instanceof String string) ? string : null;
	}

}
