package uk.safeguarding.workflow.victimcase.web;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Where the s62 access log of reads through the engine's endpoints sits among the servlet
 * filters: inside the authentication filters of {@code identity}, so that it knows who
 * read. Declared here, beside the filter, so that {@code identity} does not depend on the
 * case record's web layer.
 */
@Configuration(proxyBeanMethods = false)
class EngineReadAccessLogConfiguration {

	@Bean
	FilterRegistrationBean<Filter> engineReadAccessLogRegistration(EngineReadAccessLog accessLog) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(accessLog);
		registration.setName("engine-read-access-log");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/camunda/api/cockpit/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

}
