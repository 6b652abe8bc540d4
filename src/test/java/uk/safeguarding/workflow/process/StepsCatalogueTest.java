package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * One home per step: every user task of every model in {@code bpmn/} has its entry in
 * {@link Steps}, every entry has its task, and an entry's form is the task's form. Adding
 * a user task without an entry fails here (see {@code CONTRIBUTING.md}).
 */
class StepsCatalogueTest {

	@Test
	void everyUserTaskHasAStepEntry_andEveryEntryHasItsTask() throws IOException {
		Map<String, String> tasks = userTasks();
		Set<String> entries = Steps.ALL.stream().map(Step::taskId).collect(Collectors.toCollection(TreeSet::new));

		assertThat(tasks).as("user tasks in the models").hasSizeGreaterThan(20);
		assertThat(new TreeSet<>(tasks.keySet())).as("user tasks without an entry in Steps")
			.isSubsetOf(entries)
			.as("entries in Steps without a user task")
			.containsExactlyInAnyOrderElementsOf(entries);
		assertThat(Steps.ALL).as("one entry per task").hasSameSizeAs(entries);
	}

	@Test
	void eachEntryNamesTheFormItsTaskUses_andThatFormIsInForms() throws IOException {
		Map<String, String> tasks = userTasks();
		for (Step step : Steps.ALL) {
			assertThat(step.form()).as("form of %s", step.taskId()).isEqualTo(tasks.get(step.taskId()));
			assertThat(Path.of("forms", step.form() + ".form")).as("form file of %s", step.taskId()).exists();
		}
	}

	@Test
	void whatAnEntryShowsAndRecordsAreAnswersOfItsFormOrValuesItSets() throws IOException {
		for (Step step : Steps.ALL) {
			Set<String> keys;
			try (InputStream form = Files.newInputStream(Path.of("forms", step.form() + ".form"))) {
				keys = StepForms.keys(form);
			}
			Set<String> known = new TreeSet<>(keys);
			known.addAll(step.journeyValues());
			assertThat(known).as("answers and values of %s", step.taskId())
				.containsAll(step.shown())
				.containsAll(step.recorded());
		}
	}

	/** Every user task of every model: id to its formRef. */
	static Map<String, String> userTasks() throws IOException {
		Map<String, String> tasks = new TreeMap<>();
		try (var models = Files.list(Path.of("bpmn"))) {
			for (Path file : models.filter((f) -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (UserTask task : model.getModelElementsByType(UserTask.class)) {
					tasks.put(task.getId(), task.getCamundaFormRef());
				}
			}
		}
		return tasks;
	}

}
