package uk.safeguarding.workflow.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda evaluates expressions ({@code ${...}}, {@code #{...}}) stored in a saved
 * Tasklist filter whenever anyone runs it: whoever stores one runs code on the server.
 * Only administrators ({@code camunda-admin}) may create or change a filter whose body
 * holds expression text; anyone else gets 400. Running a filter with an extending query
 * that holds expression text is refused for everyone. The product's own filters ("My
 * tasks", "My team's tasks"), stored at start-up, keep working. Task queries (including
 * {@code orQueries}) with expression text are refused too: the engine's own switch
 * ({@code enableExpressionsInAdhocQueries=false}) still evaluates {@code currentUser()}
 * style expressions in some queries.
 */
class StoredQueryExpressionFilter extends OncePerRequestFilter {

	static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");

	private final IdentityService identity;

	StoredQueryExpressionFilter(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && EXPRESSION.matcher(URLDecoder.decode(query, StandardCharsets.UTF_8)).find()) {
			ErrorResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
					"Expressions (${...} or #{...}) are not allowed in a task query. Use plain values.");
			return;
		}
		String method = request.getMethod();
		if (!("POST".equals(method) || "PUT".equals(method))) {
			chain.doFilter(request, response);
			return;
		}
		CachedBodyRequest cached = new CachedBodyRequest(request);
		if (EXPRESSION.matcher(cached.text()).find()) {
			boolean storing = isStoring(request);
			if (!storing || !isAdministrator(request)) {
				ErrorResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", storing
						? "Expressions (${...} or #{...}) are not allowed in a saved filter: only an administrator can store one. Use the filter's criteria without expressions."
						: "Expressions (${...} or #{...}) are not allowed in a task query. Use plain values.");
				return;
			}
		}
		chain.doFilter(cached, response);
	}

	private static boolean isStoring(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (!path.contains("/filter")) {
			return false;
		}
		return path.endsWith("/filter/create") || ("PUT".equals(request.getMethod()) && !path.endsWith("/list")
				&& !path.endsWith("/count") && !path.endsWith("/singleResult"));
	}

	private boolean isAdministrator(HttpServletRequest request) {
		return RequestUser.isBreakGlassAdministrator(this.identity, request);
	}

}
