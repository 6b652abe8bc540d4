package uk.safeguarding.workflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Wires the journey's rules into the engine, for every deployment:
 * <ul>
 * <li>history that never records personal data or free text
 * ({@link PersonalDataHistoryFilter});</li>
 * <li>the hard gates and flags of {@link JourneyGuard} on every human step, before any
 * other listener;</li>
 * <li>the product's own listeners (case record) after them, and on assignment (the
 * task-assigned notice);</li>
 * <li>listeners on the start of every message start event (what a message brings that
 * never stays in the engine moves to the case record);</li>
 * <li>Java serialization of variables off, deserialization allow-listing on, no
 * expressions in ad-hoc task queries; group ids such as {@code first-responders}
 * allowed.</li>
 * </ul>
 */
public class JourneyEnginePlugin extends AbstractProcessEnginePlugin {

	/** Group ids: letters and digits, words joined by single hyphens. */
	public static final String GROUP_IDS = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

	private final List<TaskListener> createListeners;

	private final List<TaskListener> completeListeners;

	private final List<TaskListener> assignmentListeners;

	private final List<ExecutionListener> messageListeners;

	public JourneyEnginePlugin(List<TaskListener> createListeners, List<TaskListener> completeListeners) {
		this(createListeners, completeListeners, List.of());
	}

	public JourneyEnginePlugin(List<TaskListener> createListeners, List<TaskListener> completeListeners,
			List<TaskListener> assignmentListeners) {
		this(createListeners, completeListeners, assignmentListeners, List.of());
	}

	public JourneyEnginePlugin(List<TaskListener> createListeners, List<TaskListener> completeListeners,
			List<TaskListener> assignmentListeners, List<ExecutionListener> messageListeners) {
		this(createListeners, completeListeners, assignmentListeners, messageListeners, ActingPerson.ENGINE_USER);
	}

	public JourneyEnginePlugin(List<TaskListener> createListeners, List<TaskListener> completeListeners,
			List<TaskListener> assignmentListeners, List<ExecutionListener> messageListeners,
			ActingPerson actingPerson) {
		this.assignmentListeners = List.copyOf(assignmentListeners);
		this.messageListeners = List.copyOf(messageListeners);
		JourneyGuard guard = new JourneyGuard(actingPerson);
		List<TaskListener> create = new ArrayList<>();
		create.add(guard);
		create.addAll(createListeners);
		this.createListeners = List.copyOf(create);
		List<TaskListener> complete = new ArrayList<>();
		complete.add(guard);
		complete.addAll(completeListeners);
		this.completeListeners = List.copyOf(complete);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> pre = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		pre.add(new ConcurrentUpdateRetry());
		configuration.setCustomPreCommandInterceptorsTxRequired(pre);
		configuration.setJavaSerializationFormatEnabled(false);
		// object variables are deserialized only into allow-listed types (none beyond
		// the engine's own defaults)
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationAllowedPackages("");
		configuration.setDeserializationAllowedClasses("");
		// no expressions in task queries sent by clients; stored filters keep theirs
		// (Tasklist's "My tasks"), and only administrators may store one
		// (StoredQueryExpressionFilter)
		configuration.setEnableExpressionsInAdhocQueries(false);
		configuration.setEnableExpressionsInStoredQueries(true);
		// the contract's group ids have hyphens (first-responders, victim-liaison)
		configuration.setGroupResourceWhitelistPattern(GROUP_IDS);
		configuration.setEnableDefaultDbHistoryEventHandler(false);
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new PersonalDataHistoryFilter(new DbHistoryEventHandler()));
		configuration.setCustomHistoryEventHandlers(handlers);

		List<BpmnParseListener> parseListeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		parseListeners.add(new StepListeners());
		configuration.setCustomPreBPMNParseListeners(parseListeners);
	}

	private final class StepListeners extends AbstractBpmnParseListener {

		@Override
		public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
			if (startEventElement.element("messageEventDefinition") != null) {
				for (ExecutionListener listener : JourneyEnginePlugin.this.messageListeners) {
					startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
				}
			}
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			for (TaskListener listener : JourneyEnginePlugin.this.createListeners) {
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
			}
			for (TaskListener listener : JourneyEnginePlugin.this.completeListeners) {
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
			}
			for (TaskListener listener : JourneyEnginePlugin.this.assignmentListeners) {
				definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
			}
		}

	}

}
