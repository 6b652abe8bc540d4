package uk.safeguarding.workflow.process.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Engine errors that mean "someone else got there first", which the engine REST API (and
 * Tasklist's) answers with 500: a person who double-clicks, or two people on one step,
 * get a 404 or 409 with a sentence saying what happened and what to do, never a 500.
 * <ul>
 * <li>the step is gone (completed a moment ago): 404, also when the engine noticed it
 * only half-way (an authorization check after the other completion removed the step's
 * grants, or the step's case execution already gone): see {@link #stepGone};</li>
 * <li>the step was claimed by someone else: 409;</li>
 * <li>the case changed under the request (Camunda's optimistic lock, after the product's
 * retries; a database lock or deadlock between two changes of one case): 409.</li>
 * </ul>
 */
final class ConcurrentChangeResponses {

	private ConcurrentChangeResponses() {
	}

	/**
	 * @return the answer for an engine error that a concurrent change caused, or
	 * {@code null} for any other error
	 */
	static Response of(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			String text = String.valueOf(cause.getMessage());
			if (cause instanceof TaskAlreadyClaimedException) {
				return answer(Response.Status.CONFLICT, "TaskAlreadyClaimedException",
						"Someone else has just claimed this step. Reload the task list: it is now in their tasks.");
			}
			if (cause instanceof NullValueException && text.contains("Cannot find task with id")) {
				return gone();
			}
			if (cause instanceof OptimisticLockingException || isLockConflict(cause)
					|| isAuthorizationGone(cause, text)) {
				return answer(Response.Status.CONFLICT, "ConcurrentChangeException",
						"Someone else changed this case at the same moment, so nothing was saved. Reload it and try"
								+ " again.");
			}
		}
		return null;
	}

	/**
	 * A request that completes a step:
	 * {@code [engine/{name}/]task/{id}/complete|submit-form}.
	 */
	private static final Pattern COMPLETION = Pattern
		.compile("(?:^|/)(?:engine/([^/]+)/)?task/([^/]+)/(?:complete|submit-form)/?$");

	/**
	 * A step completed twice at once: the loser may fail anywhere in the engine, before
	 * it sees the step gone. After the winner's commit its authorization check finds the
	 * step's grants removed (403), or it reaches the step's execution after the winner
	 * ended it (a NullPointerException inside the engine, 500). Whatever it failed with,
	 * a completion of a step that no longer exists is answered as the step gone.
	 * @param path the request's path (Jersey's, relative to the REST application)
	 * @param taskExists whether the task still exists, by engine name ({@code null}: the
	 * default engine) and task id
	 * @return the 404 of a step gone, or {@code null} when the request is no completion
	 * or its step is still open (the failure is another one)
	 */
	static Response stepGone(String path, BiPredicate<String, String> taskExists) {
		Matcher completion = COMPLETION.matcher(String.valueOf(path));
		if (!completion.find() || taskExists.test(completion.group(1), completion.group(2))) {
			return null;
		}
		return gone();
	}

	private static Response gone() {
		return answer(Response.Status.NOT_FOUND, "TaskNotFoundException",
				"This step is no longer open: it has just been completed (perhaps by someone else, or by a"
						+ " second click). Reload the case's task list to see what is next.");
	}

	/** {@link #stepGone} against the engine the request names. */
	static Response stepGone(String path) {
		return stepGone(path, (engineName, taskId) -> {
			ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
			return engine == null || engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
		});
	}

	/**
	 * Two people claiming one step at once: the case's access listener of one updates a
	 * step's authorization that the other's has just removed. The engine says so with a
	 * NullValueException ("Authorization for Id … does not exist"), recorded on its
	 * command context and rethrown when the command closes, so it cannot be caught where
	 * it happens: it is the same conflict as an optimistic lock.
	 */
	private static boolean isAuthorizationGone(Throwable cause, String text) {
		return cause instanceof NullValueException && text.startsWith("Authorization for Id")
				&& text.contains("does not exist");
	}

	/**
	 * A lock wait that timed out or a deadlock between two transactions: SQL state class
	 * 40 (serialization failure, deadlock, on PostgreSQL and H2) or H2's lock timeout
	 * (HYT00).
	 */
	private static boolean isLockConflict(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("40") || "HYT00".equals(sql.getSQLState()));
	}

	private static Response answer(Response.Status status, String type, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

}
