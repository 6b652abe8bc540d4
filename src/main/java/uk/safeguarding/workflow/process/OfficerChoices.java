package uk.safeguarding.workflow.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The people a step may pick (an investigator, a liaison officer), as the options of its
 * form's list: a Camunda Form select whose {@code valuesKey} names a task-local variable
 * holding {@code [{"label": "Ivy Investigator (investigator)", "value":
 * "investigator"}]}. Tasklist reads a task's variables before it renders the form and
 * hands a JSON variable to form-js as the select's options, so the officer picks a name
 * and the form submits the user id. The list is a convenience: the step's rule still
 * refuses anyone outside the groups ({@link Steps}). User ids and names of staff are not
 * victim data; they live on the task only (task-local), not on the case.
 */
final class OfficerChoices {

	private static final ObjectMapper JSON = new ObjectMapper();

	private OfficerChoices() {
	}

	/**
	 * The members of these groups, each once (the first group that lists them names
	 * them), sorted by the label shown.
	 * @param identity the engine's identity service (as the current user: work groups may
	 * read users)
	 * @param groups group id to the words shown after a member's name (empty for none)
	 * @return a JSON value for the form's select
	 */
	static JsonValue of(IdentityService identity, Map<String, String> groups) {
		Map<String, String> labels = new LinkedHashMap<>();
		groups.forEach((group, role) -> {
			for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
				labels.putIfAbsent(user.getId(), label(user) + (role.isEmpty() ? "" : ", " + role));
			}
		});
		List<Map<String, String>> options = new ArrayList<>();
		labels.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Comparator.comparing(String::toLowerCase)))
			.forEach((entry) -> options.add(Map.of("label", entry.getValue(), "value", entry.getKey())));
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String label(User user) {
		String name = ((user.getFirstName() == null) ? "" : user.getFirstName()) + " "
				+ ((user.getLastName() == null) ? "" : user.getLastName());
		return name.isBlank() ? user.getId() : name.strip() + " (" + user.getId() + ")";
	}

}
