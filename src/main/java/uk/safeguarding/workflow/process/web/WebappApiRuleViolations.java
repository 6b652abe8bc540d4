package uk.safeguarding.workflow.process.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Tasklist submits forms through the webapps' own engine API
 * ({@code /camunda/api/engine}), not {@code /engine-rest}: without this, a refused step
 * reaches the user as an HTTP 500 whose message wraps the rule in engine internals
 * ("Cannot submit task form &lt;id&gt;: ENGINE-03051 There was an exception while
 * invoking the TaskListener. Message: '...'"). This gives that API the same answers as
 * {@code /engine-rest}: a 400 with the rule's own message.
 *
 * <p>
 * Camunda's webapp initializer registers the servlet "Engine Api" only when no servlet of
 * that name exists, so whichever initializer runs first, the servlet ends up with the
 * product's providers.
 */
@Component
class WebappApiRuleViolations implements ServletContextInitializer {

	/** The name Camunda's webapp initializer gives the webapps' engine API. */
	static final String ENGINE_API = "Engine Api";

	static final String PROVIDERS = RuleViolationResponses.Direct.class.getName() + ","
			+ RuleViolationResponses.Wrapped.class.getName() + "," + ClientErrorResponses.class.getName() + ","
			+ ClientErrorResponses.EngineSlip.class.getName();

	private final CamundaBpmProperties camunda;

	WebappApiRuleViolations(CamundaBpmProperties camunda) {
		this.camunda = camunda;
	}

	@Override
	public void onStartup(ServletContext servletContext) {
		ServletRegistration api = servletContext.getServletRegistration(ENGINE_API);
		if (api == null) {
			// registered as Camunda's initializer would, which then leaves it alone
			api = servletContext.addServlet(ENGINE_API, ServletContainer.class);
			api.addMapping(this.camunda.getWebapp().getApplicationPath() + "/api/engine/*");
			api.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, EngineRestApplication.class.getName());
		}
		api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, PROVIDERS);
	}

}
