package uk.safeguarding.workflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Names the person acting on a step, for the journey values a step sets about them (the
 * case's supervisor). The product has one way to name them, {@code identity/CaseActor};
 * {@code process} may not import a feature package ({@code PackageBoundariesTest}), so
 * the identity feature declares a bean of this type and the engine configuration hands it
 * to {@link JourneyGuard}, as it does the features' {@link StepListener}s.
 */
@FunctionalInterface
public interface ActingPerson {

	/**
	 * The engine's authenticated user: what an engine without the identity feature (the
	 * engine-only tests) knows of the person acting.
	 */
	ActingPerson ENGINE_USER = (task) -> {
		var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	};

	/**
	 * The person acting on this task.
	 * @param task the step being created or completed
	 * @return their user id, or null when nobody is (a timer, the job executor)
	 */
	String of(DelegateTask task);

}
