package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every variable a gateway reads is either captured by a form a person fills in, or set
 * by the system at a named place. A gateway that reads a variable nobody sets would stop
 * a journey.
 */
class GatewayVariablesTest {

	/** Variables the system sets, and where. */
	static final Map<String, String> SET_BY_SYSTEM = Map.ofEntries(
			Map.entry("pathway", "decision safeguarding-pathway"), Map.entry("ictgArea", "JourneyStart (directory)"),
			Map.entry("childrensServicesNotified",
					"JourneyStart; the hub notice over a secure channel; UserTask_RecordChildrensServicesReferral"),
			Map.entry("undecidedContacts", "JourneyStart, JourneyGuard on consent UNDECIDED"),
			Map.entry("maxUndecidedContacts", "JourneyStart (policy)"),
			Map.entry("latestNegativeDecision", "JourneyGuard on a negative decision"),
			Map.entry("closureReviewDue", "JourneyStart, IntermediateThrowEvent_ClosureReviewDue"),
			Map.entry("ageReassessment", "ServiceTask_RecordAgeAssessment"),
			Map.entry("nrmSubmitted", "JourneyStart, JourneyGuard on NRM submission"),
			Map.entry("referralRerouted", "Gateway_StartReferral, IntermediateThrowEvent_ReferralRerouted"),
			Map.entry("referredByAnotherAgency", "JourneyStart (from howCameToNotice and existingNrmReference)"),
			Map.entry("closureRequested", "JourneyStart, JourneyGuard on supervisory review"));

	static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "eq", "ne", "true", "false", "null", "empty",
			"execution");

	static final Pattern IDENTIFIER = Pattern.compile("(?<![.'\\w])([a-zA-Z_][a-zA-Z0-9_]*)(?![\\w'(])");

	@Test
	void everyVariableAGatewayReads_isCapturedByAFormOrSetByTheSystem() throws IOException {
		Set<String> formKeys = formKeys();
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/victim-safeguarding.bpmn").toFile());
		Map<String, String> unexplained = new TreeMap<>();
		Set<String> read = new HashSet<>();
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			ConditionExpression condition = flow.getConditionExpression();
			if (condition == null) {
				continue;
			}
			String expression = condition.getTextContent().replaceAll("'[^']*'", "''");
			Matcher matcher = IDENTIFIER.matcher(expression.substring(2, expression.length() - 1));
			while (matcher.find()) {
				String name = matcher.group(1);
				if (NOT_VARIABLES.contains(name)) {
					continue;
				}
				read.add(name);
				if (!formKeys.contains(name) && !SET_BY_SYSTEM.containsKey(name)) {
					unexplained.put(name, flow.getId());
				}
			}
		}
		assertThat(read).as("variables read by gateways").hasSizeGreaterThan(10);
		assertThat(unexplained).as("variables read by a gateway that no form captures and the system does not set")
			.isEmpty();
	}

	@Test
	void everyOutcomeAGatewayReadsAfterAHumanStep_isAFieldOfThatStepsForm() throws IOException {
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/victim-safeguarding.bpmn").toFile());
		Map<String, String> expected = Map.of("UserTask_SeekInformedConsent", "nrmConsent", "UserTask_RevisitConsent",
				"nrmConsent", "UserTask_RecordReasonableGroundsDecision", "reasonableGroundsDecision",
				"UserTask_RecordConclusiveGroundsDecision", "conclusiveGroundsDecision",
				"UserTask_ConsiderReconsideration", "reconsiderationRequested", "UserTask_ConductSupervisoryReview",
				"closureRequested", "UserTask_ReviewCaseClosure", "closeCase");
		for (Map.Entry<String, String> step : expected.entrySet()) {
			UserTask task = model.getModelElementById(step.getKey());
			String form = task.getCamundaFormRef();
			assertThat(keysOf(Path.of("forms", form + ".form"))).as("form %s of %s", form, step.getKey())
				.contains(step.getValue());
			String next = task.getOutgoing()
				.iterator()
				.next()
				.getTarget()
				.getOutgoing()
				.stream()
				.filter((flow) -> flow.getConditionExpression() != null)
				.map((flow) -> flow.getConditionExpression().getTextContent())
				.findFirst()
				.orElse("");
			assertThat(next).as("the gateway after %s reads %s", step.getKey(), step.getValue())
				.contains(step.getValue());
		}
	}

	static Set<String> formKeys() throws IOException {
		Set<String> keys = new HashSet<>();
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter((f) -> f.toString().endsWith(".form")).toList()) {
				keys.addAll(keysOf(form));
			}
		}
		return keys;
	}

	static Set<String> keysOf(Path form) throws IOException {
		Set<String> keys = new HashSet<>();
		collect(new ObjectMapper().readTree(form.toFile()), keys);
		return keys;
	}

	private static void collect(JsonNode node, Set<String> keys) {
		if (node.has("key")) {
			keys.add(node.get("key").asText());
		}
		if (node.has("components")) {
			node.get("components").forEach((child) -> collect(child, keys));
		}
	}

}
