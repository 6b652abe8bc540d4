package uk.safeguarding.workflow.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * Test-only engine plugin: records every flow node that starts and every sequence flow
 * that is taken, in any process deployed to the engine, so a test class can prove it
 * walked the whole model.
 * <p>
 * Sequence flows get a {@code take} listener as they are parsed; once a process is
 * parsed, every activity of it, at any depth (tasks, gateways, events including boundary
 * events and the start events of event sub-processes, sub-processes themselves), gets a
 * {@code start} listener.
 * <p>
 * The engine makes no transition of a sequence flow out of an event-based gateway: the
 * event that fires starts directly. So such a flow is recorded when its target event
 * starts (a flow from an event-based gateway is its target's only way in).
 */
public final class ModelCoverage extends AbstractProcessEnginePlugin {

	private static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

	/**
	 * The ids recorded so far, across every test that used an engine with this plugin.
	 */
	public static Set<String> covered() {
		return Set.copyOf(COVERED);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new Recorder());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private static ExecutionListener record(String id) {
		return (execution) -> COVERED.add(id);
	}

	private static final class Recorder extends AbstractBpmnParseListener {

		@Override
		public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
			transition.addListener(ExecutionListener.EVENTNAME_TAKE, record(transition.getId()));
		}

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
			addStartListeners(processDefinition.getActivities());
		}

		@Override
		public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
			for (Element process : rootElement.elements("process")) {
				Set<String> eventGateways = new TreeSet<>();
				List<Element> flows = new ArrayList<>();
				collect(process, eventGateways, flows);
				for (Element flow : flows) {
					if (!eventGateways.contains(flow.attribute("sourceRef"))) {
						continue;
					}
					for (ProcessDefinitionEntity definition : processDefinitions) {
						ActivityImpl target = definition.findActivity(flow.attribute("targetRef"));
						if (target != null && definition.getKey().equals(process.attribute("id"))) {
							target.addListener(ExecutionListener.EVENTNAME_START, record(flow.attribute("id")));
						}
					}
				}
			}
		}

		private static void collect(Element scope, Set<String> eventGateways, List<Element> flows) {
			for (Element child : scope.elements()) {
				switch (child.getTagName()) {
					case "eventBasedGateway" -> eventGateways.add(child.attribute("id"));
					case "sequenceFlow" -> flows.add(child);
					case "subProcess", "transaction" -> collect(child, eventGateways, flows);
					default -> {
					}
				}
			}
		}

		private static void addStartListeners(Collection<ActivityImpl> activities) {
			for (ActivityImpl activity : activities) {
				activity.addListener(ExecutionListener.EVENTNAME_START, record(activity.getId()));
				addStartListeners(activity.getActivities());
			}
		}

	}

	/** What a test walked of one model, and what it did not. */
	public record Report(Set<String> expected, Set<String> missing, int flowNodes, int sequenceFlows) {

		public double percentage() {
			return 100.0 * (this.expected.size() - this.missing.size()) / this.expected.size();
		}

		@Override
		public String toString() {
			return String.format("%.1f%% of %d flow nodes and %d sequence flows covered; not covered (%d): %s",
					percentage(), this.flowNodes, this.sequenceFlows, this.missing.size(), this.missing);
		}

	}

	/**
	 * Compares what was recorded with every flow node and sequence flow of the model
	 * file.
	 */
	public static Report report(Path model) {
		BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
		Set<String> expected = new TreeSet<>();
		Collection<FlowNode> nodes = instance.getModelElementsByType(FlowNode.class);
		Collection<SequenceFlow> flows = instance.getModelElementsByType(SequenceFlow.class);
		nodes.forEach((node) -> expected.add(node.getId()));
		flows.forEach((flow) -> expected.add(flow.getId()));
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(COVERED);
		return new Report(expected, missing, nodes.size(), flows.size());
	}

}
