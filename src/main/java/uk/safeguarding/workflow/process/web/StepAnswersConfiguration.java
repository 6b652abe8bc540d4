package uk.safeguarding.workflow.process.web;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link StepAnswersGuard} on both engine APIs, after authentication (order 1)
 * and the change guard (order 4), so it looks tasks up as the caller.
 */
@Configuration(proxyBeanMethods = false)
class StepAnswersConfiguration {

	@Bean
	FilterRegistrationBean<Filter> stepAnswersGuard(ProcessEngine engine) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new StepAnswersGuard(engine.getIdentityService(), engine.getTaskService(), engine.getFormService(),
						engine.getRepositoryService()));
		registration.setName("step-answers-guard");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(6);
		return registration;
	}

}
