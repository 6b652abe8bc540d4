package uk.safeguarding.workflow.process;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.safeguarding.workflow.deadlines.WorkingDayCalendar;
import uk.safeguarding.workflow.deadlines.process.DeadlinesEnginePlugin;
import uk.safeguarding.workflow.identity.CaseAccessTaskListener;
import uk.safeguarding.workflow.safeguarding.process.TaskAssignedListener;
import uk.safeguarding.workflow.victimcase.process.CaseRecordTaskListener;
import uk.safeguarding.workflow.victimcase.process.MessagePayloadListener;

/** The engine plugins of the running product. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyPolicy.class)
class EngineConfiguration {

	@Bean
	JourneyEnginePlugin journeyEnginePlugin(CaseRecordTaskListener caseRecord, CaseAccessTaskListener caseAccess,
			TaskAssignedListener taskAssigned, MessagePayloadListener messagePayload) {
		// the case record first: it connects the people a step names, then their access
		return new JourneyEnginePlugin(List.of(caseRecord, caseAccess), List.of(caseRecord, caseAccess),
				List.of(taskAssigned, caseAccess), List.of(messagePayload));
	}

	@Bean
	DeadlinesEnginePlugin deadlinesEnginePlugin() {
		return new DeadlinesEnginePlugin();
	}

	@Bean
	WorkingDayCalendar workingDayCalendar() {
		return new WorkingDayCalendar();
	}

}
