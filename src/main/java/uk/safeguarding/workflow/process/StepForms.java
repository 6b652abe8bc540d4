package uk.safeguarding.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;

/**
 * The answers a step may carry: the field keys of its deployed Camunda Form, read from
 * the deployment itself, so a step added to the model is covered the moment its form is
 * deployed, without a code change.
 */
public final class StepForms {

	/** Components that show something but submit nothing, even when they have a key. */
	private static final Set<String> NOT_ANSWERS = Set.of("text", "html", "image", "spacer", "separator", "button",
			"iframe", "table", "documentPreview");

	private static final ObjectMapper JSON = new ObjectMapper();

	private StepForms() {
	}

	/**
	 * The keys of a task's deployed form (none when the task has no form).
	 * @param forms the engine's form service, called as the current user
	 * @param taskId the task
	 * @return the keys, sorted
	 */
	public static Set<String> ofTask(FormService forms, String taskId) {
		try (InputStream form = forms.getDeployedTaskForm(taskId)) {
			return keys(form);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The keys of a process definition's deployed start form.
	 * @param forms the engine's form service, called as the current user
	 * @param processDefinitionId the definition
	 * @return the keys, sorted
	 */
	public static Set<String> ofStart(FormService forms, String processDefinitionId) {
		try (InputStream form = forms.getDeployedStartForm(processDefinitionId)) {
			return keys(form);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The answer keys of a Camunda Form (form-js JSON): every component with a key, in
	 * groups too, except components that only display.
	 * @param form the form's JSON
	 * @return the keys, sorted
	 * @throws IOException when the form cannot be read
	 */
	public static Set<String> keys(InputStream form) throws IOException {
		Set<String> keys = new TreeSet<>();
		collect(JSON.readTree(form), keys);
		return keys;
	}

	private static void collect(JsonNode node, Set<String> keys) {
		if (node.hasNonNull("key") && !NOT_ANSWERS.contains(node.path("type").asText())) {
			keys.add(node.get("key").asText());
		}
		if (node.has("components")) {
			node.get("components").forEach((child) -> collect(child, keys));
		}
	}

}
