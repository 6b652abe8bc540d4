package uk.safeguarding.workflow.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is acting on a case in this thread, for the chronology, the access log and the
 * people connected to a case: the one way the product names the acting person. A REST
 * caller is the engine's authenticated user; the case page correlates its messages as the
 * server (the page has checked the person may act) and names the person here, so the
 * listeners the message runs still record who did it.
 */
public final class CaseActor {

	private static final ThreadLocal<String> PAGE_USER = new ThreadLocal<>();

	private CaseActor() {
	}

	/** Runs an action for a person signed in to the case page. */
	public static <T> T actingAs(String userId, Supplier<T> action) {
		String before = PAGE_USER.get();
		PAGE_USER.set(userId);
		try {
			return action.get();
		}
		finally {
			if (before == null) {
				PAGE_USER.remove();
			}
			else {
				PAGE_USER.set(before);
			}
		}
	}

	/**
	 * The person acting: the engine's authenticated user, otherwise the case page's user,
	 * otherwise nobody (a timer, the job executor). ({@code Authentication} is what the
	 * public {@code IdentityService} returns.)
	 */
	public static String current(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		return PAGE_USER.get();
	}

	/** The person acting in an engine call (a delegate or an execution listener). */
	public static String of(DelegateExecution execution) {
		return current(execution.getProcessEngineServices().getIdentityService());
	}

	/**
	 * The person acting on a task: as {@link #current}, and when nobody is signed in (a
	 * task completed by the engine itself) the task's assignee, who holds it.
	 */
	public static String of(DelegateTask task) {
		String actor = current(task.getProcessEngineServices().getIdentityService());
		return (actor != null) ? actor : task.getAssignee();
	}

}
