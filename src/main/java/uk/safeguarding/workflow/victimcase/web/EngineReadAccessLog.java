package uk.safeguarding.workflow.victimcase.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
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

import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * Data Protection Act 2018 s62 for the engine's endpoints: every successful read of a
 * case's task form data, variables or history by a person, through the engine REST API or
 * the webapps' API, is written to the case's access log with who, when and which
 * endpoint.
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

	private final VictimCaseService cases;

	private final TaskService tasks;

	private final HistoryService history;

	private final IdentityService identity;

	public EngineReadAccessLog(@Lazy VictimCaseService cases, @Lazy TaskService tasks, @Lazy HistoryService history,
			@Lazy IdentityService identity) {
		this.cases = cases;
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (!"GET".equals(request.getMethod()) || response.getStatus() < 200 || response.getStatus() >= 300) {
			return;
		}
		String user = currentUser();
		Authentication reader = this.identity.getCurrentAuthentication();
		try {
			// which case was read is looked up by the system, not with the reader's
			// rights
			this.identity.clearAuthentication();
			String path = request.getRequestURI();
			String processInstanceId = processInstanceOf(path, request);
			if (processInstanceId == null) {
				return;
			}
			String reference = businessKey(processInstanceId);
			if (reference != null && user != null) {
				this.cases.recordConsultation(reference, user,
						"GET " + path + ((request.getQueryString() != null) ? "?" + request.getQueryString() : ""));
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

	private String businessKey(String processInstanceId) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return (instance != null) ? instance.getBusinessKey() : null;
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
