package uk.safeguarding.workflow.benchmark;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a journey is driven through: the product's engine services in-process, a bare
 * engine, or engine REST. Each call is made as the named person, as they would make it.
 */
public interface JourneyApi {

	/**
	 * Someone else changed the case at the same moment (a notice being sent on it): the
	 * engine refused the step and kept nothing; a person tries again.
	 */
	final class Conflict extends RuntimeException {

		public Conflict(String message) {
			super(message);
		}

	}

	/** A step open on a case, as a person's task list shows it. */
	record OpenStep(String id, String key) {
	}

	/** Starts a journey as this person; its process instance id. */
	String start(String user, Map<String, Object> report);

	/** The steps of this case this person may work on. */
	List<OpenStep> steps(String user, String processInstanceId);

	/** The person's task list as they open it: their newest 15 open steps. */
	int taskList(String user);

	/** Completes the step with these answers. */
	void complete(String user, String taskId, Map<String, Object> answers);

	/**
	 * Time passes: the case's timer at this activity fires, if it is waiting there.
	 * @return whether a timer fired
	 */
	boolean fireTimer(String processInstanceId, String activityId);

	/** Runs the case's due jobs, where no job executor does. */
	void runDueJobs(String processInstanceId);

	/** The activity the journey ended at, or null while it runs. */
	String endActivity(String processInstanceId);

	/** Every step created on the journey. */
	Set<String> createdSteps(String processInstanceId);

}
