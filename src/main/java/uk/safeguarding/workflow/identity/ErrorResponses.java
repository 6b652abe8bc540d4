package uk.safeguarding.workflow.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals written by the product's servlet filters, in the engine REST API's own error
 * shape ({@code type}, {@code message}).
 */
final class ErrorResponses {

	private ErrorResponses() {
	}

	static void send(HttpServletResponse response, int status, String type, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + type + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\"}");
	}

}
