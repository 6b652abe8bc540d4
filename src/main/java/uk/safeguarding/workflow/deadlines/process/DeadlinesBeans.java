package uk.safeguarding.workflow.deadlines.process;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.safeguarding.workflow.deadlines.StepDeadlines;
import uk.safeguarding.workflow.deadlines.WorkingDayCalendar;

/**
 * The step deadlines of the running product: due dates on every human step
 * ({@link DeadlinesEnginePlugin}), the working-day calendar, and one cached table shared
 * by the escalation sweep and the model's timers ({@code ${stepTimers...}}).
 */
@Configuration(proxyBeanMethods = false)
class DeadlinesBeans {

	@Bean
	DeadlinesEnginePlugin deadlinesEnginePlugin() {
		return new DeadlinesEnginePlugin();
	}

	@Bean
	WorkingDayCalendar workingDayCalendar() {
		return new WorkingDayCalendar();
	}

	@Bean
	StepDeadlines stepDeadlines(WorkingDayCalendar calendar) {
		return new StepDeadlines(calendar);
	}

	@Bean
	EngineStepDeadlines engineStepDeadlines(StepDeadlines stepDeadlines) {
		return new EngineStepDeadlines(stepDeadlines);
	}

	@Bean(StepTimers.BEAN_NAME)
	StepTimers stepTimers(EngineStepDeadlines deadlines) {
		return new StepTimers(deadlines);
	}

}
