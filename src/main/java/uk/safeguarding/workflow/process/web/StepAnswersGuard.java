package uk.safeguarding.workflow.process.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.safeguarding.workflow.identity.CachedBodyRequest;
import uk.safeguarding.workflow.process.StepForms;

/**
 * Each step accepts only its own answers (issue 8 item 1): a completion of a task
 * ({@code complete}, {@code submit-form}, {@code resolve}) over the engine REST API or
 * Tasklist's own engine API may carry only the field keys of that task's deployed Camunda
 * Form, and a start only the keys of the start form. Anything else, above all the values
 * the gateways read that the step does not ask (pathway, under18, consent and closure
 * flags...), is refused with a 400 that names the unexpected keys, before the engine sees
 * the request: nothing changes. Those values are written by the server only.
 *
 * <p>
 * The allowed keys are read from the deployed form of the very task (or definition), so a
 * step added to the model is covered without a code change. The look-up runs as the
 * caller: a task the caller cannot see is left to the engine to refuse, so this answer
 * never tells anyone that a task exists.
 */
class StepAnswersGuard extends OncePerRequestFilter {

	private static final String ID = "([^/]+)";

	static final Pattern TASK_COMPLETION = Pattern.compile("task/" + ID + "/(complete|submit-form|resolve)");

	static final Pattern START_BY_KEY = Pattern.compile("process-definition/key/" + ID + "/(start|submit-form)");

	static final Pattern START_BY_ID = Pattern.compile("process-definition/" + ID + "/(start|submit-form)");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IdentityService identity;

	private final TaskService tasks;

	private final FormService forms;

	private final RepositoryService repository;

	private final Map<String, Set<String>> taskFormKeys = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Set<String>> startFormKeys = new java.util.concurrent.ConcurrentHashMap<>();

	StepAnswersGuard(IdentityService identity, TaskService tasks, FormService forms, RepositoryService repository) {
		this.identity = identity;
		this.tasks = tasks;
		this.forms = forms;
		this.repository = repository;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String resource = resource(request);
		Matcher task = TASK_COMPLETION.matcher(resource);
		Matcher byKey = START_BY_KEY.matcher(resource);
		Matcher byId = START_BY_ID.matcher(resource);
		boolean completion = task.matches();
		boolean start = !completion && (byKey.matches() || byId.matches());
		if (!"POST".equals(request.getMethod()) || (!completion && !start)) {
			chain.doFilter(request, response);
			return;
		}
		CachedBodyRequest body = new CachedBodyRequest(request);
		Set<String> submitted = variableNames(body.text());
		if (submitted.isEmpty()) {
			chain.doFilter(body, response);
			return;
		}
		Refusal refusal = asCaller(request, () -> completion ? taskRefusal(task.group(1), submitted) : startRefusal(
				byKey.matches() ? byKey.group(1) : null, byId.matches() ? byId.group(1) : null, submitted));
		if (refusal == null) {
			chain.doFilter(body, response);
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("type", "SafeguardingRuleViolation");
		answer.put("message", refusal.message());
		answer.put("field", refusal.unexpected().get(0));
		answer.put("unexpected", refusal.unexpected());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		JSON.writeValue(response.getWriter(), answer);
	}

	record Refusal(List<String> unexpected, String message) {
	}

	private Refusal taskRefusal(String taskId, Set<String> submitted) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			// not visible to the caller, or gone: the engine answers
			return null;
		}
		// a step's form is bound to its deployment (camunda:formRefBinding="deployment"):
		// the keys of a task definition in a process definition never change
		Set<String> allowed = this.taskFormKeys.computeIfAbsent(
				task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
				(ignored) -> formKeys(() -> StepForms.ofTask(this.forms, taskId)));
		List<String> unexpected = unexpected(submitted, allowed);
		if (unexpected.isEmpty()) {
			return null;
		}
		return new Refusal(unexpected, "The step '" + task.getName() + "' (" + task.getTaskDefinitionKey()
				+ ") accepts only the answers of its form " + allowed + "; not accepted: "
				+ String.join(", ", unexpected)
				+ ". Values that steer the journey are set by the product, never by a client; nothing was changed.");
	}

	private Refusal startRefusal(String key, String definitionId, Set<String> submitted) {
		ProcessDefinition definition = (key != null)
				? this.repository.createProcessDefinitionQuery()
					.processDefinitionKey(key)
					.withoutTenantId()
					.latestVersion()
					.singleResult()
				: this.repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
		if (definition == null) {
			return null;
		}
		Set<String> allowed = this.startFormKeys.computeIfAbsent(definition.getId(),
				(id) -> formKeys(() -> StepForms.ofStart(this.forms, id)));
		List<String> unexpected = unexpected(submitted, allowed);
		if (unexpected.isEmpty()) {
			return null;
		}
		return new Refusal(unexpected, "A report starts with the answers of its start form only; not accepted: "
				+ String.join(", ", unexpected)
				+ ". The pathway and every other value that steers the journey are worked out by the product; nothing was started.");
	}

	private static Set<String> formKeys(java.util.function.Supplier<Set<String>> read) {
		try {
			return read.get();
		}
		catch (ProcessEngineException ex) {
			// no deployed form: such a step takes no answers at all
			return Set.of();
		}
	}

	private static List<String> unexpected(Set<String> submitted, Set<String> allowed) {
		List<String> unexpected = new ArrayList<>();
		for (String name : submitted) {
			if (!allowed.contains(name)) {
				unexpected.add(name);
			}
		}
		return unexpected;
	}

	/**
	 * Runs the look-up with the caller's engine authorizations: the REST API's
	 * authentication filter has set them already; for the webapps' API they come from the
	 * session login. Without any caller, nothing is looked up.
	 */
	private Refusal asCaller(HttpServletRequest request, java.util.function.Supplier<Refusal> lookUp) {
		if (this.identity.getCurrentAuthentication() != null) {
			return lookUp.get();
		}
		UserAuthentication login = webappLogin(request);
		if (login == null) {
			return null;
		}
		this.identity.setAuthentication(login.getIdentityId(), List.copyOf(login.getGroupIds()),
				List.copyOf(login.getTenantIds()));
		try {
			return lookUp.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private static UserAuthentication webappLogin(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Authentications logins = (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
		if (logins == null
				|| !(logins.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user)) {
			return null;
		}
		return user;
	}

	/** The names a completion or start body sets, from its {@code variables} object. */
	static Set<String> variableNames(String body) {
		Set<String> names = new TreeSet<>();
		try {
			JsonNode json = (body == null || body.isBlank()) ? null : JSON.readTree(body);
			JsonNode variables = (json != null) ? json.get("variables") : null;
			if (variables != null && variables.isObject()) {
				variables.fieldNames().forEachRemaining(names::add);
			}
		}
		catch (IOException ex) {
			// the engine's own validation answers a malformed body
		}
		return names;
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

}
