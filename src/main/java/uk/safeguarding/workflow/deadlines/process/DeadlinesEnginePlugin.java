package uk.safeguarding.workflow.deadlines.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import uk.safeguarding.workflow.deadlines.WorkingDayCalendar;

/**
 * Process engine plugin: every user task gets its due date from the
 * {@code step-deadlines} decision ({@link DueDateTaskListener}, added by
 * {@link DeadlinesParseListener}). Register it with the engine configuration's plugins;
 * with the Camunda Spring Boot starter, a {@code ProcessEnginePlugin} bean is picked up.
 */
public class DeadlinesEnginePlugin extends AbstractProcessEnginePlugin {

	private final WorkingDayCalendar calendar;

	/** With the England and Wales calendar and its default one-off changes. */
	public DeadlinesEnginePlugin() {
		this(new WorkingDayCalendar());
	}

	public DeadlinesEnginePlugin(WorkingDayCalendar calendar) {
		this.calendar = Objects.requireNonNull(calendar, "calendar");
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPreBPMNParseListeners(listeners);
		}
		listeners.add(new DeadlinesParseListener(new DueDateTaskListener(this.calendar)));
	}

}
