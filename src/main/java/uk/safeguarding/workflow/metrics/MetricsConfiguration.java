package uk.safeguarding.workflow.metrics;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards the actuator endpoints ({@link ManagementEndpointGuard}). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	FilterRegistrationBean<Filter> managementEndpointGuard(IdentityService identity) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ManagementEndpointGuard(identity));
		registration.setName("management-endpoint-guard");
		registration.addUrlPatterns("/actuator/*");
		registration.setOrder(1);
		return registration;
	}

}
