package uk.safeguarding.workflow.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the product ever needs (a start form or a step is a
 * few kilobytes) with 413, before anything parses them. A body sent without a length
 * (chunked) is read up to the limit, never further.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	static final long MAX_BODY_BYTES = 1024 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > MAX_BODY_BYTES) {
			tooLarge(response);
			return;
		}
		if ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) {
			// read at most the limit (a chunked body has no length), then decide
			CachedBodyRequest cached = new CachedBodyRequest(request, MAX_BODY_BYTES);
			if (cached.exceeded()) {
				tooLarge(response);
				return;
			}
			if (isJson(request) && cached.text().strip().equals("null")) {
				// the engine REST API answers a JSON null body with a
				// NullPointerException (500)
				ErrorResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
						"The request body is null: send a JSON object.");
				return;
			}
			chain.doFilter(cached, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isJson(HttpServletRequest request) {
		return request.getContentType() != null && request.getContentType().contains("json");
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		ErrorResponses.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLarge",
				"The request body is too large: at most " + MAX_BODY_BYTES / 1024
						+ " KB. Send only the form's fields.");
	}

}
