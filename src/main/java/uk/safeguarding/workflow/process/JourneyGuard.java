package uk.safeguarding.workflow.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Runs each human step's entry of {@link Steps} when its task appears and when it
 * completes, whoever completes it (Tasklist form or REST): the hard gates of spec section
 * 3, the validation of the answers, and the journey values the step sets. Runs before any
 * other listener; a refusal rolls the whole completion back. (Which answers a completion
 * may carry at all is checked before the engine sees the request: {@link StepForms}.)
 */
public class JourneyGuard implements TaskListener {

	/** The informed-consent checklist (spec section 2, step 5). */
	public static final List<String> CONSENT_CHECKLIST = Steps.CONSENT_CHECKLIST;

	private final ActingPerson actingPerson;

	/** With the engine's authenticated user as the person acting. */
	public JourneyGuard() {
		this(ActingPerson.ENGINE_USER);
	}

	public JourneyGuard(ActingPerson actingPerson) {
		this.actingPerson = actingPerson;
	}

	@Override
	public void notify(DelegateTask task) {
		FormValues answers = new FormValues(task, this.actingPerson.of(task));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			Steps.of(task.getTaskDefinitionKey()).ifPresent((step) -> step.onCreate().apply(task, answers));
			return;
		}
		// every step, with an entry or not: no expression or script text, nothing too
		// long
		answers.refuseUnsafeText();
		Steps.of(task.getTaskDefinitionKey()).ifPresent((step) -> step.rule().apply(task, answers));
	}

}
