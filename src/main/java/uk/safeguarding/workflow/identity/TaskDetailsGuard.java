package uk.safeguarding.workflow.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's "Set due date", "Reset due date" and "Set follow-up date" send the whole
 * task back ({@code PUT task/{id}}), which Camunda cannot even read (it fails on the
 * task's form reference with raw Java text). A step's due date comes from the
 * safeguarding deadlines and drives escalation; its name, description (free text in
 * engine tables), priority and owner are the journey's. So a change of a step's details
 * is refused with a sentence saying why and what to do instead, for every client; the
 * audited break-glass account may repair them (the unreadable form reference is dropped
 * from its request).
 */
class TaskDetailsGuard extends OncePerRequestFilter {

	static final Pattern TASK = Pattern.compile("task/([^/]+)");

	static final String DUE = "A step's due date comes from the safeguarding deadlines (spec section 4) and cannot be"
			+ " set or reset by hand: overdue steps are escalated to the case's supervisor, then to managers. If a"
			+ " deadline is wrong, tell your supervisor.";

	static final String FOLLOW_UP = "Follow-up dates are not used for safeguarding steps: each step's deadline and"
			+ " the case's reviews come from the safeguarding deadlines. Record what was done in the step's form.";

	static final String OTHER = "A step's name, description, priority and owner are set by the journey and cannot be"
			+ " changed here. To give the step to someone, use Claim or the assignee.";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IdentityService identity;

	private final TaskService tasks;

	TaskDetailsGuard(IdentityService identity, TaskService tasks) {
		this.identity = identity;
		this.tasks = tasks;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher task = TASK.matcher(EngineChangeGuard.resource(request));
		if (!"PUT".equals(request.getMethod()) || !task.matches()) {
			chain.doFilter(request, response);
			return;
		}
		CachedBodyRequest cached = new CachedBodyRequest(request);
		JsonNode body = parse(cached.text());
		if (RequestUser.isBreakGlassAdministrator(this.identity, request)) {
			if (body instanceof ObjectNode object && object.has("camundaFormRef")) {
				object.remove("camundaFormRef");
				chain.doFilter(new CachedBodyRequest(request, JSON.writeValueAsBytes(object)), response);
			}
			else {
				chain.doFilter(cached, response);
			}
			return;
		}
		ErrorResponses.send(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
				refusal(task.group(1), body));
	}

	/** Which sentence fits: what the request would change. */
	private String refusal(String taskId, JsonNode body) {
		Task current = current(taskId);
		if (current == null || body == null || !body.isObject()) {
			return OTHER;
		}
		if (!sameDate(body.get("due"), current.getDueDate())) {
			return DUE;
		}
		if (!sameDate(body.get("followUp"), current.getFollowUpDate())) {
			return FOLLOW_UP;
		}
		return OTHER;
	}

	/**
	 * The task as it stands, looked up by the system (the answer reveals nothing more).
	 */
	private Task current(String taskId) {
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return this.tasks.createTaskQuery().taskId(taskId).singleResult();
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

	private static boolean sameDate(JsonNode sent, Date current) {
		if (sent == null) {
			// not sent: not changed
			return true;
		}
		if (sent.isNull() || sent.asText().isBlank()) {
			return current == null;
		}
		try {
			Date date = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse(sent.asText());
			return current != null && Objects.equals(date.getTime(), current.getTime());
		}
		catch (ParseException ex) {
			return false;
		}
	}

	private static JsonNode parse(String body) {
		try {
			return (body == null || body.isBlank()) ? null : JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return null;
		}
	}

}
