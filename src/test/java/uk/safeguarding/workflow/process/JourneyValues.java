package uk.safeguarding.workflow.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;

/**
 * The journey values: every variable the models steer by, read from the models themselves
 * — what a sequence flow's condition or a conditional event reads, and what a decision
 * table takes as input. A value no step's form asks for may be written by the server
 * only.
 */
public final class JourneyValues {

	static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "eq", "ne", "true", "false", "null", "empty",
			"execution", "decisionResult", "getSingleResult", "get");

	static final Pattern IDENTIFIER = Pattern.compile("(?<![.'\\w])([a-zA-Z_][a-zA-Z0-9_]*)(?![\\w'(])");

	private JourneyValues() {
	}

	/** Variables read by a gateway's conditions or a conditional event, in every BPMN. */
	public static Set<String> readByGateways() {
		Set<String> read = new TreeSet<>();
		for (Path file : files(".bpmn")) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
				ConditionExpression condition = flow.getConditionExpression();
				if (condition != null) {
					identifiers(condition.getTextContent(), read);
				}
			}
			for (ConditionalEventDefinition event : model.getModelElementsByType(ConditionalEventDefinition.class)) {
				identifiers(event.getCondition().getTextContent(), read);
			}
		}
		return read;
	}

	/**
	 * Inputs of the decision tables the journey steers by: those of every DMN file that
	 * holds a decision a business rule task calls (with the decisions it requires).
	 */
	public static Set<String> readByDecisions() {
		Set<String> called = new TreeSet<>();
		for (Path file : files(".bpmn")) {
			Bpmn.readModelFromFile(file.toFile())
				.getModelElementsByType(BusinessRuleTask.class)
				.forEach((task) -> called.add(task.getCamundaDecisionRef()));
		}
		Set<String> read = new TreeSet<>();
		for (Path file : files(".dmn")) {
			var model = Dmn.readModelFromFile(file.toFile());
			if (model.getModelElementsByType(Decision.class).stream().noneMatch((d) -> called.contains(d.getId()))) {
				continue;
			}
			for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
				read.add(input.getText().getTextContent().strip());
			}
		}
		return read;
	}

	/** Both: everything the models steer by. */
	public static Set<String> all() {
		Set<String> all = new TreeSet<>(readByGateways());
		all.addAll(readByDecisions());
		// outputs of a decision that feeds another (presumed-child into
		// safeguarding-pathway)
		all.remove("child");
		return all;
	}

	private static void identifiers(String expression, Set<String> into) {
		String text = expression.strip().replaceAll("'[^']*'", "''");
		if (text.startsWith("${") && text.endsWith("}")) {
			text = text.substring(2, text.length() - 1);
		}
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			if (!NOT_VARIABLES.contains(matcher.group(1))) {
				into.add(matcher.group(1));
			}
		}
	}

	private static Iterable<Path> files(String ending) {
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			return files.filter((f) -> f.toString().endsWith(ending)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
