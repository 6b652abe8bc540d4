package uk.safeguarding.workflow.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import uk.safeguarding.workflow.benchmark.JourneyApi.OpenStep;
import uk.safeguarding.workflow.benchmark.JourneyMix.Journey;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Events;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Takes one journey from report to closure as its people would: each of the officer, the
 * liaison officer and the supervisor looks at the case's steps they may work on and
 * completes them; when nobody has anything to do, time passes to the case's next consent
 * revisit. The closure review is answered last, when nothing else is open.
 */
final class JourneyRunner {

	/** The people who work a case, one per group the steps are offered to. */
	static final Map<String, String> PEOPLE = Map.of("officer", Groups.FIRST_RESPONDERS, "liaison",
			Groups.VICTIM_LIAISON, "supervisor", Groups.SUPERVISORS);

	/**
	 * Each step's group, as the model offers it: a person works on the steps of their
	 * group (others of the case they may only see).
	 */
	static final Map<String, String> GROUP_OF_STEP = Bpmn
		.readModelFromFile(Path.of("bpmn", "victim-safeguarding.bpmn").toFile())
		.getModelElementsByType(UserTask.class)
		.stream()
		.collect(Collectors.toMap(UserTask::getId, UserTask::getCamundaCandidateGroups));

	private static final int MAX_ROUNDS = 40;

	final Latencies start = new Latencies();

	final Latencies complete = new Latencies();

	final Latencies caseSteps = new Latencies();

	final Latencies taskList = new Latencies();

	final AtomicInteger completions = new AtomicInteger();

	/** Whether each person opens their task list before each step (as people do). */
	boolean taskLists = true;

	/** Steps refused because someone else changed the case at that moment. */
	final AtomicInteger conflicts = new AtomicInteger();

	private void completeTryingAgain(JourneyApi api, String person, String taskId, Map<String, Object> answers) {
		for (int attempt = 1;; attempt++) {
			try {
				this.complete.time(() -> api.complete(person, taskId, answers));
				return;
			}
			catch (JourneyApi.Conflict ex) {
				this.conflicts.incrementAndGet();
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Drives the journey to its end.
	 * @return its process instance id
	 */
	String run(JourneyApi api, Journey journey) {
		String id = this.start.time(() -> api.start("officer", journey.report()));
		api.runDueJobs(id);
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Map<String, String> open = new LinkedHashMap<>();
			Map<String, String> keys = new LinkedHashMap<>();
			for (String person : List.of("officer", "liaison", "supervisor")) {
				for (OpenStep step : this.caseSteps.time(() -> api.steps(person, id))) {
					if (!PEOPLE.get(person).equals(GROUP_OF_STEP.get(step.key()))) {
						continue;
					}
					open.putIfAbsent(step.id(), person);
					keys.put(step.id(), step.key());
				}
			}
			if (open.isEmpty()) {
				if (api.fireTimer(id, Events.REVISIT_CONSENT_DUE)) {
					api.runDueJobs(id);
					continue;
				}
				return id;
			}
			boolean onlyClosure = keys.values().stream().allMatch(UserTasks.REVIEW_CASE_CLOSURE::equals);
			for (Map.Entry<String, String> step : open.entrySet()) {
				String key = keys.get(step.getKey());
				if (UserTasks.REVIEW_CASE_CLOSURE.equals(key) && !onlyClosure) {
					continue;
				}
				String person = step.getValue();
				if (this.taskLists) {
					this.taskList.time(() -> api.taskList(person));
				}
				completeTryingAgain(api, person, step.getKey(), journey.answers(key));
				this.completions.incrementAndGet();
				api.runDueJobs(id);
			}
		}
		throw new AssertionError(journey + " still had open steps after " + MAX_ROUNDS + " rounds");
	}

}
