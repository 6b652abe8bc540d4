package uk.safeguarding.workflow.process.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine REST API at {@code /engine-rest}, with the product's own error answers. */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(RuleViolationResponses.Direct.class);
		register(RuleViolationResponses.Wrapped.class);
		register(ClientErrorResponses.class);
		register(ClientErrorResponses.EngineSlip.class);
		register(ClientErrorResponses.UnreadableJson.class);
		register(ClientErrorResponses.UnparseableJson.class);
		register(ClientErrorResponses.MismatchedJson.class);
	}

}
