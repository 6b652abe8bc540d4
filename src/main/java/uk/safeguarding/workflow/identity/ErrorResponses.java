package uk.safeguarding.workflow.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals written by the product's servlet filters, in the engine REST API's own error
 * shape ({@code type}, {@code message}).
 */
final class ErrorResponses {

	// Jackson escapes what a message may hold (quotes, backslashes, control characters)
	private static final ObjectMapper JSON = new ObjectMapper();

	private ErrorResponses() {
	}

	static void send(HttpServletResponse response, int status, String type, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Map<String, String> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		response.getWriter().write(JSON.writeValueAsString(body));
	}

}
