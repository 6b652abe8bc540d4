package uk.safeguarding.workflow.process.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.exception.RestException;

import uk.safeguarding.workflow.process.SafeguardingRuleViolation;

/**
 * Engine REST answers for refused steps: whichever endpoint a client used (start,
 * submit-form, complete), a {@link SafeguardingRuleViolation} is a 400 with the rule's
 * message, never a 500.
 */
final class RuleViolationResponses {

	private RuleViolationResponses() {
	}

	static Response badRequest(SafeguardingRuleViolation violation) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "SafeguardingRuleViolation");
		body.put("message", violation.getMessage());
		body.put("field", violation.getField());
		return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	static SafeguardingRuleViolation find(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof SafeguardingRuleViolation violation) {
				return violation;
			}
		}
		return null;
	}

	/** A rule violation that reached Jersey as itself. */
	@Provider
	@Priority(1)
	static class Direct implements ExceptionMapper<SafeguardingRuleViolation> {

		@Override
		public Response toResponse(SafeguardingRuleViolation violation) {
			return badRequest(violation);
		}

	}

	/** A rule violation that a Camunda resource wrapped into a {@link RestException}. */
	@Provider
	@Priority(1)
	static class Wrapped implements ExceptionMapper<RestException> {

		@Context
		UriInfo request;

		@Override
		public Response toResponse(RestException exception) {
			SafeguardingRuleViolation violation = find(exception);
			if (violation != null) {
				return badRequest(violation);
			}
			return ClientErrorResponses.answer(exception, this.request.getPath());
		}

	}

}
