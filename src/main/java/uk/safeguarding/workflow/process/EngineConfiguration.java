package uk.safeguarding.workflow.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journey's engine plugin, with the listeners the features contribute
 * ({@link StepListener}, {@link MessageStartListener} beans), in their order.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyPolicy.class)
class EngineConfiguration {

	@Bean
	JourneyEnginePlugin journeyEnginePlugin(ObjectProvider<StepListener> stepListeners,
			ObjectProvider<MessageStartListener> messageListeners, ObjectProvider<ActingPerson> actingPerson) {
		List<StepListener> ordered = stepListeners.orderedStream().toList();
		return new JourneyEnginePlugin(on(ordered, TaskListener.EVENTNAME_CREATE),
				on(ordered, TaskListener.EVENTNAME_COMPLETE), on(ordered, TaskListener.EVENTNAME_ASSIGNMENT),
				messageListeners.orderedStream()
					.map(org.camunda.bpm.engine.delegate.ExecutionListener.class::cast)
					.toList(),
				actingPerson.getIfAvailable(() -> ActingPerson.ENGINE_USER));
	}

	private static List<TaskListener> on(List<StepListener> listeners, String event) {
		return listeners.stream()
			.filter((listener) -> listener.events().contains(event))
			.map(TaskListener.class::cast)
			.toList();
	}

}
