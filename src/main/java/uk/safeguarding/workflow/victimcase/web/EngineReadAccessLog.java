package uk.safeguarding.workflow.victimcase.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * Data Protection Act 2018 s62 for the engine's endpoints: every successful read of a
 * case's task form data, variables or history by a person, through the engine REST API or
 * the webapps' API, is written to the case's access log with who, when and which
 * endpoint. A search of variables sent as POST (Cockpit's "Variables" tab of a process
 * instance) names its case in its JSON body, read from a copy kept as the engine reads
 * it.
 * <p>
 * The break-glass {@code camunda-admin} members are audited wider: every request of
 * theirs to the engine's, the webapps' and Cockpit's APIs is written to the application
 * log, and to the case's access log when it names a case (in its path or its
 * {@code processInstanceId(In)} parameter), reads as consultations and changes as
 * alterations.
 */
@org.springframework.stereotype.Component
public class EngineReadAccessLog extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineReadAccessLog.class);

	static final Pattern TASK_READ = Pattern
		.compile(".*/task/([^/]+)/(form-variables|variables|deployed-form|form|rendered-form)(/.*)?");

	static final Pattern INSTANCE_READ = Pattern.compile(".*/process-instance/([^/]+)(/variables.*)?");

	static final Pattern HISTORY_INSTANCE_READ = Pattern.compile(".*/history/process-instance/([^/]+)");

	static final Pattern HISTORY_QUERY = Pattern
		.compile(".*/history/(variable-instance|detail|activity-instance|task)");

	static final Pattern QUERY = Pattern.compile("(/engine-rest|/camunda/api/engine/engine/default)/(history/)?"
			+ "(variable-instance|process-instance|task|activity-instance|detail|incident|job|execution|external-task"
			+ "|user-operation|decision-instance)(/count)?/?");

	/** A search of variables (Cockpit's "Variables" tab sends one as POST). */
	static final Pattern VARIABLE_QUERY = Pattern
		.compile("(/engine-rest|/camunda/api/engine/engine/default)/(history/)?variable-instance/?");

	/** A search naming cases is small; a longer body is kept only this far. */
	static final int MAX_QUERY_BODY_BYTES = 64 * 1024;

	/** At most this many cases of one search are written to their access logs. */
	static final int MAX_CASES_PER_QUERY = 50;

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Any request naming a case's process instance, task or execution in its path. */
	static final Pattern ANY_CASE_PATH = Pattern.compile(".*/(process-instance|task|execution)/([^/]+)(/.*)?");

	private final VictimCaseService cases;

	private final TaskService tasks;

	private final HistoryService history;

	private final IdentityService identity;

	private final RuntimeService runtime;

	public EngineReadAccessLog(@Lazy VictimCaseService cases, @Lazy TaskService tasks, @Lazy HistoryService history,
			@Lazy IdentityService identity, @Lazy RuntimeService runtime) {
		this.cases = cases;
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
		this.runtime = runtime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean query = isQuery(request);
		// a search's body names its cases: keep a copy of what the engine reads
		HttpServletRequest seen = query ? new ContentCachingRequestWrapper(request, MAX_QUERY_BODY_BYTES) : request;
		chain.doFilter(seen, response);
		boolean read = "GET".equals(request.getMethod()) || query;
		if (response.getStatus() < 200 || response.getStatus() >= 300) {
			return;
		}
		String user = currentUser(request);
		boolean breakGlass = user != null && isBreakGlass(request);
		if (!read && !breakGlass) {
			return;
		}
		Authentication reader = this.identity.getCurrentAuthentication();
		try {
			// which case was read is looked up by the system, not with the reader's
			// rights
			this.identity.clearAuthentication();
			String path = request.getRequestURI();
			String endpoint = request.getMethod() + " " + path
					+ ((read && request.getQueryString() != null) ? "?" + request.getQueryString() : "");
			if (breakGlass) {
				// who and which endpoint only: a query string may carry searched values
				log.info("Break-glass {} by {}: {} {}", read ? "read" : "change", user, request.getMethod(), path);
			}
			List<String> processInstanceIds = new ArrayList<>();
			String processInstanceId = read ? processInstanceOf(path, request) : null;
			if (processInstanceId != null) {
				processInstanceIds.add(processInstanceId);
			}
			else if (read && VARIABLE_QUERY.matcher(path).matches()) {
				// Cockpit's and Tasklist's variables of a case: a search whose JSON body
				// names the case
				processInstanceIds.addAll(casesInBody(seen));
			}
			if (processInstanceIds.isEmpty() && breakGlass) {
				processInstanceId = anyCaseOf(path, request);
				if (processInstanceId != null) {
					processInstanceIds.add(processInstanceId);
				}
				else {
					processInstanceIds.addAll(casesInBody(seen));
				}
			}
			for (String named : processInstanceIds) {
				String reference = businessKey(named);
				if (reference != null && user != null) {
					if (read) {
						this.cases.recordConsultation(reference, user, (breakGlass ? "break-glass " : "") + endpoint);
					}
					else {
						this.cases.recordAlteration(reference, user, "break-glass " + endpoint);
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the access log for {}: {}", request.getRequestURI(), ex.getMessage());
		}
		finally {
			if (reader != null) {
				this.identity.setAuthentication(reader);
			}
		}
	}

	private String processInstanceOf(String path, HttpServletRequest request) {
		Matcher task = TASK_READ.matcher(path);
		if (task.matches()) {
			HistoricTaskInstance found = this.history.createHistoricTaskInstanceQuery()
				.taskId(task.group(1))
				.singleResult();
			return (found != null) ? found.getProcessInstanceId() : null;
		}
		Matcher instance = INSTANCE_READ.matcher(path);
		if (instance.matches() && !"count".equals(instance.group(1))) {
			return instance.group(1);
		}
		Matcher historic = HISTORY_INSTANCE_READ.matcher(path);
		if (historic.matches() && !"count".equals(historic.group(1))) {
			return historic.group(1);
		}
		if (HISTORY_QUERY.matcher(path).matches()) {
			return request.getParameter("processInstanceId");
		}
		return null;
	}

	/**
	 * A search sent as POST (Cockpit's and Tasklist's variable, history and instance
	 * queries): a read, not a change.
	 */
	static boolean isQuery(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI();
		return path.contains("/camunda/api/cockpit/plugin/") || QUERY.matcher(path).matches();
	}

	/** The case a break-glass request names, in its path or its parameters. */
	private String anyCaseOf(String path, HttpServletRequest request) {
		Matcher named = ANY_CASE_PATH.matcher(path);
		if (named.matches() && !Set.of("count", "create").contains(named.group(2))) {
			String id = named.group(2);
			return switch (named.group(1)) {
				case "task" -> {
					HistoricTaskInstance found = this.history.createHistoricTaskInstanceQuery()
						.taskId(id)
						.singleResult();
					yield (found != null) ? found.getProcessInstanceId() : null;
				}
				case "execution" -> {
					var execution = this.runtime.createExecutionQuery().executionId(id).singleResult();
					yield (execution != null) ? execution.getProcessInstanceId() : null;
				}
				default -> id;
			};
		}
		String parameter = request.getParameter("processInstanceId");
		if (parameter == null && request.getParameter("processInstanceIdIn") != null) {
			parameter = request.getParameter("processInstanceIdIn").split(",")[0];
		}
		return parameter;
	}

	/**
	 * The cases a search's JSON body names ({@code processInstanceId},
	 * {@code processInstanceIdIn}), from the copy kept as the engine read it; none when
	 * it is not JSON.
	 */
	static List<String> casesInBody(HttpServletRequest request) {
		if (!(request instanceof ContentCachingRequestWrapper cached) || cached.getContentAsByteArray().length == 0) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		try {
			JsonNode body = JSON.readTree(cached.getContentAsByteArray());
			if (body != null && body.path("processInstanceId").isTextual()) {
				ids.add(body.path("processInstanceId").asText());
			}
			if (body != null && body.path("processInstanceIdIn").isArray()) {
				body.path("processInstanceIdIn").forEach((id) -> {
					if (id.isTextual()) {
						ids.add(id.asText());
					}
				});
			}
		}
		catch (IOException ex) {
			// not JSON: names no case
		}
		return ids.stream().limit(MAX_CASES_PER_QUERY).toList();
	}

	private String businessKey(String processInstanceId) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return (instance != null) ? instance.getBusinessKey() : null;
	}

	/**
	 * Whether the caller is a break-glass member, from the groups their login carries (no
	 * query on every request).
	 */
	private boolean isBreakGlass(HttpServletRequest request) {
		Authentication engine = this.identity.getCurrentAuthentication();
		if (engine != null) {
			return engine.getGroupIds() != null && engine.getGroupIds().contains(Groups.ADMINISTRATORS);
		}
		Authentications webapp = webappLogins(request);
		return webapp != null && webapp.getAuthentications()
			.stream()
			.anyMatch((user) -> user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMINISTRATORS));
	}

	private String currentUser(HttpServletRequest request) {
		Authentication engine = this.identity.getCurrentAuthentication();
		if (engine != null) {
			return engine.getUserId();
		}
		Authentications webapp = webappLogins(request);
		if (webapp != null) {
			for (UserAuthentication user : webapp.getAuthentications()) {
				return user.getIdentityId();
			}
		}
		return null;
	}

	/**
	 * The webapps' logins: the request's own while the webapps' authentication filter
	 * runs, else those kept in the session. This filter sits outside that filter, so by
	 * the time it writes the log the request's own are gone (Cockpit's reads were not
	 * logged for that reason).
	 */
	private static Authentications webappLogins(HttpServletRequest request) {
		Authentications current = Authentications.getCurrent();
		if (current != null) {
			return current;
		}
		HttpSession session = request.getSession(false);
		return (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
	}

}
