package uk.safeguarding.workflow.victimcase.web;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * Data Protection Act 2018 s62 for the engine's endpoints: every successful read of a
 * case's task form data, variables or history by a person, through the engine REST API or
 * the webapps' API, is written to the case's access log with who, when and which
 * endpoint.
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
		chain.doFilter(request, response);
		boolean read = "GET".equals(request.getMethod()) || isQuery(request);
		if (response.getStatus() < 200 || response.getStatus() >= 300) {
			return;
		}
		String user = currentUser();
		boolean breakGlass = user != null && isBreakGlass();
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
			String processInstanceId = read ? processInstanceOf(path, request) : null;
			if (processInstanceId == null && breakGlass) {
				processInstanceId = anyCaseOf(path, request);
			}
			if (processInstanceId == null) {
				return;
			}
			String reference = businessKey(processInstanceId);
			if (reference != null && user != null) {
				if (read) {
					this.cases.recordConsultation(reference, user, (breakGlass ? "break-glass " : "") + endpoint);
				}
				else {
					this.cases.recordAlteration(reference, user, "break-glass " + endpoint);
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
	private boolean isBreakGlass() {
		Authentication engine = this.identity.getCurrentAuthentication();
		if (engine != null) {
			return engine.getGroupIds() != null && engine.getGroupIds().contains(Groups.ADMINISTRATORS);
		}
		Authentications webapp = Authentications.getCurrent();
		return webapp != null && webapp.getAuthentications()
			.stream()
			.anyMatch((user) -> user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMINISTRATORS));
	}

	private String currentUser() {
		Authentication engine = this.identity.getCurrentAuthentication();
		if (engine != null) {
			return engine.getUserId();
		}
		Authentications webapp = Authentications.getCurrent();
		if (webapp != null) {
			for (UserAuthentication user : webapp.getAuthentications()) {
				return user.getIdentityId();
			}
		}
		return null;
	}

}
