package uk.safeguarding.workflow.process.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Engine errors that the engine REST API answers with 500 although the client caused them
 * and can fix them: a password that does not meet the policy, a variable of a type the
 * product does not accept. They become 400 with an actionable message; every other engine
 * error keeps Camunda's own answer.
 */
@Provider
@Priority(1)
class ClientErrorResponses implements ExceptionMapper<ProcessEngineException> {

	record ClientError(String engineMessage, String message) {
	}

	static final List<ClientError> CLIENT_ERRORS = List.of(new ClientError("Password does not match policy",
			"The password does not meet the password policy: at least 10 characters with upper and lower case letters, a digit and a symbol."),
			new ClientError("Cannot deserialize",
					"A variable has a type the product does not accept: send strings, booleans, numbers and dates only."),
			new ClientError("is not allowed",
					"A variable has a type the product does not accept: send strings, booleans, numbers and dates only."),
			new ClientError("Cannot find serializer",
					"A variable has a type the product does not accept: send strings, booleans, numbers and dates only."),
			new ClientError("Java serialization format is prohibited",
					"Java-serialized variables are not accepted: send strings, booleans, numbers and dates only."));

	@Context
	UriInfo request;

	@Override
	public Response toResponse(ProcessEngineException exception) {
		return answer(exception, this.request.getPath());
	}

	/**
	 * The product's answer to an engine failure of the request at {@code path}: a client
	 * error, someone else having got there first, or the step gone; otherwise Camunda's
	 * own answer.
	 */
	static Response answer(Throwable exception, String path) {
		Response response = clientError(exception);
		if (response == null) {
			response = ConcurrentChangeResponses.of(exception);
		}
		if (response == null) {
			response = ConcurrentChangeResponses.stepGone(path);
		}
		return (response != null) ? response : ExceptionHandlerHelper.getInstance().getResponse(exception);
	}

	/**
	 * The engine's own slip when a step is completed twice at once (a
	 * NullPointerException where the loser reaches the step's ended execution): the step
	 * gone, 404; any other keeps Camunda's answer.
	 */
	@Provider
	@Priority(1)
	static class EngineSlip implements ExceptionMapper<NullPointerException> {

		@Context
		UriInfo request;

		@Override
		public Response toResponse(NullPointerException exception) {
			Response gone = ConcurrentChangeResponses.stepGone(this.request.getPath());
			return (gone != null) ? gone : ExceptionHandlerHelper.getInstance().getResponse(exception);
		}

	}

	static Response clientError(Throwable exception) {
		Response parameter = queryParameter(exception);
		if (parameter != null) {
			return parameter;
		}
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			String text = String.valueOf(cause.getMessage());
			for (ClientError error : CLIENT_ERRORS) {
				if (text.contains(error.engineMessage())) {
					Map<String, Object> body = new LinkedHashMap<>();
					body.put("type", "InvalidRequestException");
					body.put("message", error.message());
					return Response.status(Response.Status.BAD_REQUEST)
						.type(MediaType.APPLICATION_JSON_TYPE)
						.entity(body)
						.build();
				}
			}
		}
		return null;
	}

	/**
	 * A query parameter the engine cannot read (a date that does not parse, a number that
	 * is not one): the answer names the parameter and the form it takes, never repeating
	 * the value sent.
	 */
	static Response queryParameter(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			Matcher named = QUERY_PARAMETER.matcher(String.valueOf(cause.getMessage()));
			if (named.find()) {
				String name = named.group(1);
				String all = allMessages(cause);
				String expected = all.contains("java.util.Date")
						? "a date and time such as 2026-12-01T09:30:00.000+0000"
						: all.contains("java.lang.Integer") || all.contains("java.lang.Long") ? "a whole number"
								: all.contains("java.lang.Boolean") ? "true or false"
										: "a value of the documented form";
				return badRequest("The query parameter '" + name + "' is not valid: send " + expected + ".");
			}
		}
		return null;
	}

	private static final Pattern QUERY_PARAMETER = Pattern.compile("Cannot set query parameter '([A-Za-z0-9_]+)'");

	private static String allMessages(Throwable exception) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

	static Response badRequest(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "InvalidRequestException");
		body.put("message", message);
		return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	/** A body that is not JSON, or JSON of the wrong shape. */
	@Provider
	@Priority(1)
	static class UnreadableJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonProcessingException> {

		@Override
		public Response toResponse(com.fasterxml.jackson.core.JsonProcessingException exception) {
			return badRequest(
					"The request body is not valid JSON of the expected shape: send an object such as {\"variables\": {\"name\": {\"value\": ..., \"type\": \"String\"}}}.");
		}

	}

	@Provider
	@Priority(1)
	static class UnparseableJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {

		@Override
		public Response toResponse(com.fasterxml.jackson.core.JsonParseException exception) {
			return new UnreadableJson().toResponse(exception);
		}

	}

	@Provider
	@Priority(1)
	static class MismatchedJson implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {

		@Override
		public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException exception) {
			return new UnreadableJson().toResponse(exception);
		}

	}

}
