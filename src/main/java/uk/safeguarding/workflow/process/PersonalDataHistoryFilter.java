package uk.safeguarding.workflow.process;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops every history event that would write personal data or free text into engine
 * history: variable instances and details ({@code ACT_HI_VARINST}, {@code ACT_HI_DETAIL})
 * and submitted form properties. Whether or not a client marked the variable transient,
 * the values never reach a history table; the case record keeps them.
 */
public class PersonalDataHistoryFilter implements HistoryEventHandler {

	private final HistoryEventHandler delegate;

	public PersonalDataHistoryFilter(HistoryEventHandler delegate) {
		this.delegate = delegate;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (!carriesPersonalData(event)) {
			this.delegate.handleEvent(event);
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		for (HistoryEvent event : events) {
			handleEvent(event);
		}
	}

	static boolean carriesPersonalData(HistoryEvent event) {
		if (event instanceof HistoricVariableUpdateEventEntity variable) {
			return PersonalData.isCaseRecordOnly(variable.getVariableName());
		}
		if (event instanceof HistoricFormPropertyEventEntity formProperty) {
			return PersonalData.isCaseRecordOnly(formProperty.getPropertyId());
		}
		return false;
	}

}
