package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.ServiceTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The rules every model in {@code bpmn/} keeps, read with the Camunda Model API: ids
 * match the constants, forms exist, history is bounded, no code runs from the model
 * except Spring beans, and every job that talks to the outside world is retried. Also the
 * hard gates that the shape of the journey itself guarantees.
 */
class ProcessModelTest {

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static final Path BPMN = Path.of("bpmn");

	static final Path FORMS = Path.of("forms");

	static final Path JOURNEY = BPMN.resolve("victim-safeguarding.bpmn");

	/** Service tasks whose names say they send something out of the product. */
	static final Predicate<String> TALKS_TO_THE_OUTSIDE = (text) -> text != null
			&& text.toLowerCase().matches(".*(notify|refer|alert|send|mail).*");

	static final Map<Path, BpmnModelInstance> MODELS = new LinkedHashMap<>();

	@BeforeAll
	static void readModels() throws IOException {
		try (Stream<Path> files = Files.list(BPMN)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				MODELS.put(file, Bpmn.readModelFromFile(file.toFile()));
			}
		}
		assertThat(MODELS).as("models in bpmn/").containsKey(JOURNEY);
	}

	@Test
	void everyUserTask_hasAConstantAndEveryConstantATask() {
		Set<String> inModels = ids(UserTask.class);
		assertThat(inModels).as("user tasks in the models").hasSizeGreaterThan(15);
		assertThat(difference(inModels, UserTasks.ALL)).as("user tasks without a constant in UserTasks.ALL").isEmpty();
		assertThat(difference(UserTasks.ALL, inModels)).as("UserTasks.ALL constants without a user task").isEmpty();
		assertThat(difference(constants(UserTasks.class), UserTasks.ALL)).as("UserTasks constants missing from ALL")
			.isEmpty();
	}

	@Test
	void everyServiceTask_hasAConstantAndEveryConstantATask() {
		Set<String> inModels = ids(ServiceTask.class);
		inModels.addAll(ids(BusinessRuleTask.class));
		assertThat(inModels).as("service and business rule tasks in the models").hasSizeGreaterThan(5);
		assertThat(difference(inModels, ServiceTasks.ALL)).as("service tasks without a constant in ServiceTasks.ALL")
			.isEmpty();
		assertThat(difference(ServiceTasks.ALL, inModels)).as("ServiceTasks.ALL constants without a task").isEmpty();
		assertThat(difference(constants(ServiceTasks.class), ServiceTasks.ALL))
			.as("ServiceTasks constants missing from ALL")
			.isEmpty();
	}

	@Test
	void everyFormRef_hasItsFormFile() throws IOException {
		Map<String, String> formRefs = new LinkedHashMap<>();
		for (BpmnModelInstance model : MODELS.values()) {
			for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
				String ref = node.getAttributeValueNs(CAMUNDA, "formRef");
				if (ref != null) {
					formRefs.put(node.getId(), ref);
				}
			}
		}
		assertThat(formRefs).as("formRefs in the models").hasSizeGreaterThan(15);
		assertThat(formRefs).as("every user task has a form").containsKeys(ids(UserTask.class).toArray(String[]::new));
		// an empty or missing forms/ is a failure, not a skip: every formRef would fail
		// at run time
		assertThat(FORMS).as("the forms folder").isDirectory();
		try (Stream<Path> files = Files.list(FORMS)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".form")))
				.as("form files in " + FORMS + " (every user task's formRef needs one)")
				.isNotEmpty();
		}
		List<String> missing = new ArrayList<>();
		formRefs.forEach((id, ref) -> {
			if (!Files.isRegularFile(FORMS.resolve(ref + ".form"))) {
				missing.add(id + " -> forms/" + ref + ".form");
			}
		});
		assertThat(missing).as("formRefs without a form file").isEmpty();
	}

	@Test
	void everyProcess_hasAHistoryTimeToLive() {
		List<String> without = new ArrayList<>();
		for (var model : MODELS.entrySet()) {
			for (Process process : model.getValue().getModelElementsByType(Process.class)) {
				String ttl = process.getCamundaHistoryTimeToLiveString();
				if (ttl == null || ttl.isBlank()) {
					without.add(model.getKey() + ": " + process.getId());
				}
			}
		}
		assertThat(MODELS.values().stream().mapToLong((m) -> m.getModelElementsByType(Process.class).size()).sum())
			.isPositive();
		assertThat(without).as("processes without camunda:historyTimeToLive").isEmpty();
	}

	@Test
	void noModel_hasAScriptTask() {
		assertThat(ids(ScriptTask.class)).as("script tasks").isEmpty();
	}

	@Test
	void noModel_namesAJavaClass() {
		List<String> classes = new ArrayList<>();
		int elements = 0;
		for (var model : MODELS.entrySet()) {
			Deque<DomElement> pending = new ArrayDeque<>(List.of(model.getValue().getDocument().getRootElement()));
			while (!pending.isEmpty()) {
				DomElement element = pending.pop();
				elements++;
				if (element.hasAttribute(CAMUNDA, "class")) {
					classes.add(model.getKey() + ": " + element.getLocalName() + " " + element.getAttribute("id")
							+ " camunda:class=" + element.getAttribute(CAMUNDA, "class"));
				}
				pending.addAll(element.getChildElements());
			}
		}
		assertThat(elements).as("elements read").isGreaterThan(300);
		assertThat(classes).as("camunda:class (use a Spring bean through camunda:delegateExpression)").isEmpty();
	}

	@Test
	void everyServiceTask_callsASpringBean() {
		List<String> without = new ArrayList<>();
		for (ServiceTask task : all(ServiceTask.class)) {
			String expression = task.getCamundaDelegateExpression();
			if (expression == null || !expression.matches("\\$\\{[A-Za-z][A-Za-z0-9]*\\}")) {
				without.add(task.getId());
			}
		}
		assertThat(all(ServiceTask.class)).isNotEmpty();
		assertThat(without).as("service tasks without camunda:delegateExpression=\"${bean}\"").isEmpty();
	}

	@Test
	void everyServiceTaskThatTalksToTheOutside_isAsyncAndRetried() {
		List<String> offenders = new ArrayList<>();
		int outside = 0;
		for (ServiceTask task : all(ServiceTask.class)) {
			if (!TALKS_TO_THE_OUTSIDE.test(task.getId())
					&& !TALKS_TO_THE_OUTSIDE.test(task.getCamundaDelegateExpression())) {
				continue;
			}
			outside++;
			if (!task.isCamundaAsyncBefore()) {
				offenders.add(task.getId() + ": not camunda:asyncBefore");
			}
			ExtensionElements extensions = task.getExtensionElements();
			Collection<CamundaFailedJobRetryTimeCycle> cycles = (extensions != null)
					? extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
					: List.of();
			if (cycles.isEmpty() || cycles.iterator().next().getTextContent().isBlank()) {
				offenders.add(task.getId() + ": no camunda:failedJobRetryTimeCycle");
			}
		}
		assertThat(outside).as("service tasks that notify, refer or alert").isGreaterThanOrEqualTo(6);
		assertThat(offenders).isEmpty();
	}

	// ------------------------------------------------------------- hard gates by shape

	@Test
	void adultBranch_reachesTheNrmReferralOnlyThroughRecordedConsent() {
		BpmnModelInstance journey = MODELS.get(JOURNEY);
		FlowNode adult = branch(journey, "${pathway == 'ADULT'}");
		Predicate<SequenceFlow> throughConsent = (flow) -> flow.getConditionExpression() != null
				&& flow.getConditionExpression().getTextContent().replace(" ", "").equals("${nrmConsent=='GIVEN'}");

		Set<String> withoutConsent = reachable(adult, throughConsent.negate());
		Set<String> withConsent = reachable(adult, (flow) -> true);

		assertThat(withConsent).as("the adult branch does lead to the referral")
			.contains(UserTasks.SUBMIT_NRM_REFERRAL);
		assertThat(withoutConsent).as("reachable from the adult branch without nrmConsent == 'GIVEN'")
			.contains(UserTasks.SEEK_INFORMED_CONSENT, UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.REVISIT_CONSENT)
			.doesNotContain(UserTasks.SUBMIT_NRM_REFERRAL);
	}

	@Test
	void childBranch_neverAsksForConsentNorLeadsToADutyToNotify() {
		BpmnModelInstance journey = MODELS.get(JOURNEY);
		FlowNode child = branch(journey, "${pathway == 'CHILD'}");

		Set<String> reachable = reachable(child, (flow) -> true);

		assertThat(reachable).contains(UserTasks.RECORD_STRATEGY_DISCUSSION, UserTasks.SUBMIT_NRM_REFERRAL)
			.doesNotContain(UserTasks.SEEK_INFORMED_CONSENT, UserTasks.REVISIT_CONSENT, UserTasks.SUBMIT_DUTY_TO_NOTIFY,
					UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
	}

	@Test
	void everyLinkThrow_leadsOnToItsOneCatch_forTheGateChecksAbove() {
		List<IntermediateThrowEvent> links = all(IntermediateThrowEvent.class).stream()
			.filter((thrown) -> linkCatch(thrown).isPresent())
			.toList();
		assertThat(links).as("the referral page's link pairs").isNotEmpty();
		for (IntermediateThrowEvent thrown : links) {
			FlowNode caught = linkCatch(thrown).orElseThrow();
			assertThat(reachable(thrown, (flow) -> true)).as("reachable from %s", thrown.getId())
				.contains(caught.getId())
				.containsAll(caught.getOutgoing().stream().map((flow) -> flow.getTarget().getId()).toList());
		}
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * The first node of the referral's branch with this condition (exactly one such flow
	 * out of "Child or adult?").
	 */
	static FlowNode branch(BpmnModelInstance model, String condition) {
		List<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class)
			.stream()
			.filter((flow) -> "Gateway_ChildOrAdult".equals(flow.getSource().getId()))
			.filter((flow) -> flow.getConditionExpression() != null
					&& flow.getConditionExpression().getTextContent().strip().equals(condition))
			.toList();
		assertThat(flows).as("flows on %s", condition).hasSize(1);
		return flows.get(0).getTarget();
	}

	/**
	 * The ids of the nodes reachable from the start by sequence flows the filter lets
	 * through, and from a link throw event to its catch (as the engine goes): a link pair
	 * must not hide a way round a gate.
	 */
	static Set<String> reachable(FlowNode start, Predicate<SequenceFlow> passable) {
		Set<String> seen = new TreeSet<>();
		Deque<FlowNode> pending = new ArrayDeque<>(List.of(start));
		while (!pending.isEmpty()) {
			FlowNode node = pending.pop();
			if (seen.add(node.getId())) {
				node.getOutgoing().stream().filter(passable).map(SequenceFlow::getTarget).forEach(pending::push);
				linkCatch(node).ifPresent(pending::push);
			}
		}
		return seen;
	}

	/** The catch event of a link throw event: same link name, same scope. */
	static Optional<FlowNode> linkCatch(FlowNode node) {
		if (!(node instanceof IntermediateThrowEvent thrown)) {
			return Optional.empty();
		}
		Optional<String> name = thrown.getEventDefinitions()
			.stream()
			.filter(LinkEventDefinition.class::isInstance)
			.map((definition) -> ((LinkEventDefinition) definition).getName())
			.findFirst();
		if (name.isEmpty()) {
			return Optional.empty();
		}
		List<IntermediateCatchEvent> catches = thrown.getParentElement()
			.getChildElementsByType(IntermediateCatchEvent.class)
			.stream()
			.filter((caught) -> caught.getEventDefinitions()
				.stream()
				.anyMatch((definition) -> definition instanceof LinkEventDefinition link
						&& name.get().equals(link.getName())))
			.toList();
		assertThat(catches).as("the catch of link %s (%s)", name.get(), thrown.getId()).hasSize(1);
		return Optional.of(catches.get(0));
	}

	static <T extends FlowNode> List<T> all(Class<T> type) {
		List<T> all = new ArrayList<>();
		MODELS.values().forEach((model) -> all.addAll(model.getModelElementsByType(type)));
		return all;
	}

	static Set<String> ids(Class<? extends FlowNode> type) {
		Set<String> ids = new TreeSet<>();
		all(type).forEach((node) -> ids.add(node.getId()));
		return ids;
	}

	static Set<String> difference(Collection<String> left, Collection<String> right) {
		Set<String> difference = new TreeSet<>(left);
		difference.removeAll(right);
		return difference;
	}

	/** The values of the public String constants a constants class declares. */
	static Set<String> constants(Class<?> holder) {
		Set<String> values = new TreeSet<>();
		for (Field field : holder.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
				try {
					values.add((String) field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		assertThat(values).as("constants of %s", holder.getSimpleName()).isNotEmpty();
		return values;
	}

}
