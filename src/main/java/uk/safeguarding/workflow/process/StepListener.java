package uk.safeguarding.workflow.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.Ordered;

/**
 * A feature's listener on every human step of every deployment, run after the journey's
 * gates ({@link JourneyGuard}). A feature declares it as a bean; the engine configuration
 * hands every such bean to {@link JourneyEnginePlugin} in its {@link #getOrder() order}
 * (lowest first), so that {@code process} wires the engine without knowing the features
 * (it must import none of them: {@code PackageBoundariesTest}).
 */
public interface StepListener extends TaskListener, Ordered {

	/** The case record's own listener: it records the people a step names. */
	int CASE_RECORD = 100;

	/** Access follows the case record: it connects the people the record names. */
	int CASE_ACCESS = 200;

	/**
	 * The task events it listens to.
	 * @return some of {@link TaskListener#EVENTNAME_CREATE},
	 * {@link TaskListener#EVENTNAME_ASSIGNMENT}, {@link TaskListener#EVENTNAME_COMPLETE}
	 */
	Set<String> events();

}
