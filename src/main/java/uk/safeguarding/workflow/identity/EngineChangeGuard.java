package uk.safeguarding.workflow.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.process.PersonalData;

/**
 * A case changes only through its steps' forms and the journey's messages, where the
 * journey's rules are checked. The engine's API has other ways to change a case that skip
 * those checks, and a person with rights over a case (its supervisor, or the officer
 * working a step) could use them: setting a variable directly (refer an adult "with
 * consent" that was never given), moving the case to another step, starting a case at any
 * step, deleting or suspending it. Comments and attachments would put free text —
 * personal data — into engine tables. All of these are refused (403) for everyone but the
 * audited break-glass account ({@code camunda-admin}); a message may carry only the
 * values the journey expects, plus notes and personal details for the case record (400
 * otherwise).
 */
class EngineChangeGuard extends OncePerRequestFilter {

	private static final String ID = "[^/]+";

	private static final List<Pattern> REFUSED = List.of(
			Pattern.compile("(process-instance|execution|task)/" + ID + "/(variables|localVariables)(/.*)?"),
			Pattern.compile("process-instance/variables-async"),
			Pattern.compile("process-instance/" + ID + "/(modification|modification-async|suspended)"),
			Pattern.compile("process-instance/(suspended|suspended-async|delete|delete-historic-query-based)"),
			Pattern.compile("process-instance/delete-async|process-instance/job-retries"),
			Pattern.compile("modification/.*|migration/.*|signal|condition"),
			Pattern.compile("process-definition/" + ID + "/(restart|restart-async|suspended)"),
			Pattern.compile("process-definition/key/" + ID + "/(suspended)"),
			Pattern.compile("process-definition/(suspended)"), Pattern.compile("execution/" + ID + "/signal"),
			// a message reaches a case by its reference through /message, which checks
			// what it
			// carries; triggering a subscription by execution id would carry any variable
			Pattern.compile("execution/" + ID + "/messageSubscriptions/" + ID + "/trigger"),
			Pattern.compile("task/create"), Pattern.compile("task/" + ID + "/(comment|attachment)/create"));

	private static final Pattern DELETE_REFUSED = Pattern.compile("(process-instance|task)/" + ID);

	private static final Pattern START = Pattern.compile("process-definition/(key/" + ID + "|" + ID + ")/start");

	/** The values a message may carry, by message name. */
	private static final Map<String, Set<String>> MESSAGE_VALUES = Map.of("AgeAssessmentCompleted",
			Set.of(Variables.ASSESSED_ADULT), "VictimReportedMissing", Set.of());

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IdentityService identity;

	EngineChangeGuard(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
			chain.doFilter(request, response);
			return;
		}
		String resource = resource(request);
		boolean refused = REFUSED.stream().anyMatch((pattern) -> pattern.matcher(resource).matches())
				|| ("DELETE".equals(method) && DELETE_REFUSED.matcher(resource).matches());
		if (refused) {
			if (RequestUser.isBreakGlassAdministrator(this.identity, request)) {
				chain.doFilter(request, response);
				return;
			}
			ErrorResponses.send(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
					"A case changes only through its steps' forms and the journey's messages (" + method + " "
							+ resource
							+ " is not allowed). Notes belong in the step's form, which keeps them in the case record.");
			return;
		}
		boolean start = START.matcher(resource).matches();
		boolean message = "message".equals(resource);
		if (!start && !message) {
			chain.doFilter(request, response);
			return;
		}
		CachedBodyRequest cached = new CachedBodyRequest(request);
		String problem = start ? startProblem(cached.text()) : messageProblem(cached.text());
		if (problem != null) {
			int status = start ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST;
			ErrorResponses.send(response, status, start ? "AuthorizationException" : "InvalidRequestException",
					problem);
			return;
		}
		chain.doFilter(cached, response);
	}

	/**
	 * The engine resource path: after {@code /engine-rest/} or the webapps' engine API.
	 */
	static String resource(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String prefix : List.of("/engine-rest/engine/default/", "/engine-rest/",
				"/camunda/api/engine/engine/default/")) {
			if (path.startsWith(prefix)) {
				return path.substring(prefix.length()).replaceAll("/+$", "");
			}
		}
		return path;
	}

	private static String startProblem(String body) {
		JsonNode json = parse(body);
		if (json != null && json.hasNonNull("startInstructions") && !json.get("startInstructions").isEmpty()) {
			return "A case starts at its start: startInstructions (starting at another step) are not allowed.";
		}
		return null;
	}

	private static String messageProblem(String body) {
		JsonNode json = parse(body);
		if (json == null || !json.isObject()) {
			// the engine's own validation answers malformed bodies
			return null;
		}
		String name = json.path("messageName").asText(null);
		// (Map.of answers a null key with an exception, not a default)
		Set<String> allowed = (name != null) ? MESSAGE_VALUES.getOrDefault(name, Set.of()) : Set.of();
		for (String field : List.of("processVariables", "processVariablesLocal", "processVariablesToTriggeredScope")) {
			JsonNode values = json.get(field);
			if (values == null || !values.isObject()) {
				continue;
			}
			for (var names = values.fieldNames(); names.hasNext();) {
				String variable = names.next();
				// details and notes are welcome: they go to the case record, never steer
				// the
				// journey (MessagePayloadListener)
				if (!allowed.contains(variable) && !PersonalData.isCaseRecordOnly(variable)) {
					return "Message '" + name + "' cannot carry '" + variable + "'"
							+ (allowed.isEmpty() ? ": it carries no values that steer the journey"
									: ": the only value that steers the journey is " + allowed)
							+ " (notes and personal details, which go to the case record, are fine).";
				}
			}
		}
		return null;
	}

	private static JsonNode parse(String body) {
		try {
			return (body == null || body.isBlank()) ? null : JSON.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
