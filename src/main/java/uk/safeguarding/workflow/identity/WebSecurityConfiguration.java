package uk.safeguarding.workflow.identity;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The product's web controls, in the order a request meets them:
 * <ol>
 * <li>security headers on every response;</li>
 * <li>bodies over 1 MB refused (413) on the REST APIs and the webapps' APIs;</li>
 * <li>HTTP Basic authentication against the engine's identity service for the engine REST
 * API ({@code /engine-rest}) and the product's API ({@code /api}); the engine then
 * applies its authorizations to the authenticated user (without this filter
 * {@code /engine-rest} is open to anyone);</li>
 * <li>Camunda Admin's initial setup closed once any user exists;</li>
 * <li>expressions refused in saved filters except from administrators;</li>
 * <li>changes to a case outside its forms and messages refused (setting variables, moving
 * or deleting a case, comments and attachments).</li>
 * </ol>
 * The webapps ({@code /camunda}) keep their own session login and CSRF filter. With
 * single sign-on configured, {@link SingleSignOnConfiguration} adds the OpenID Connect
 * login in front of these.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	@Bean
	FilterRegistrationBean<Filter> securityHeadersFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
		registration.setName("security-headers");
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> requestSizeLimitFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter());
		registration.setName("request-size-limit");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * HTTP Basic for the engine REST API and the product's API; with single sign-on on,
	 * the product's API has a filter of its own that also accepts the signed-in person
	 * ({@link SingleSignOnConfiguration}).
	 */
	@Bean
	FilterRegistrationBean<Filter> restAuthenticationFilter(ObjectProvider<ClientRegistrationRepository> singleSignOn) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("rest-authentication");
		registration.addUrlPatterns("/engine-rest/*");
		if (singleSignOn.getIfAvailable() == null) {
			registration.addUrlPatterns("/api/*");
		}
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> adminSetupGuard(IdentityService identity) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new AdminSetupGuard(identity));
		registration.setName("admin-setup-guard");
		registration.addUrlPatterns("/camunda/api/admin/setup/*");
		registration.setOrder(2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> webappPluginGuard() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new WebappPluginGuard());
		registration.setName("webapp-plugin-guard");
		registration.addUrlPatterns("/camunda/api/cockpit/*", "/camunda/api/admin/*");
		registration.setOrder(5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> engineChangeGuard(IdentityService identity) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new EngineChangeGuard(identity));
		registration.setName("engine-change-guard");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(4);
		return registration;
	}

	/**
	 * A step's due date, follow-up date and details: the journey's (Tasklist's buttons).
	 */
	@Bean
	FilterRegistrationBean<Filter> taskDetailsGuard(IdentityService identity, @Lazy TaskService tasks) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new TaskDetailsGuard(identity, tasks));
		registration.setName("task-details-guard");
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/default/task/*");
		registration.setOrder(4);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> storedQueryExpressionFilter(IdentityService identity) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new StoredQueryExpressionFilter(identity));
		registration.setName("stored-query-expressions");
		registration.addUrlPatterns("/engine-rest/filter/*", "/camunda/api/engine/engine/default/filter/*",
				"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task",
				"/engine-rest/history/task/count", "/camunda/api/engine/engine/default/task",
				"/camunda/api/engine/engine/default/task/count");
		registration.setOrder(3);
		return registration;
	}

}
