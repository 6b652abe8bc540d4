package uk.safeguarding.workflow.identity;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API ({@code /engine-rest}) and the product's API ({@code /api}) require
 * HTTP Basic authentication against the engine's identity service; the engine then
 * applies its authorizations to the authenticated user. Without this filter
 * {@code /engine-rest} is open to anyone.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

	@Bean
	FilterRegistrationBean<Filter> restAuthenticationFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("rest-authentication");
		registration.addUrlPatterns("/engine-rest/*", "/api/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(1);
		return registration;
	}

}
