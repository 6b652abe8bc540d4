package uk.safeguarding.workflow.identity;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.ActingPerson;

/**
 * The journey's rules name the person acting on a step as every listener does,
 * {@link CaseActor}: the engine's authenticated user, the case page's user, or the task's
 * assignee.
 */
@Component
class CaseActingPerson implements ActingPerson {

	@Override
	public String of(DelegateTask task) {
		return CaseActor.of(task);
	}

}
