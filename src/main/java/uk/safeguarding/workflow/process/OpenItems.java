package uk.safeguarding.workflow.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * What is still open on a case when its closure is reviewed (spec section 2, step 9): the
 * closure form lists it, and closing with any of it open needs a stated reason.
 */
public final class OpenItems {

	/**
	 * One open item.
	 *
	 * @param sentence what a supervisor reads
	 * @param needsReason whether closing with it open needs a stated reason (a pending
	 * decision, an open reconsideration window, an open missing episode)
	 */
	public record Item(String sentence, boolean needsReason) {
	}

	private OpenItems() {
	}

	public static List<Item> of(DelegateTask task) {
		List<Item> open = new ArrayList<>();
		boolean nrm = Boolean.TRUE.equals(task.getVariable(Variables.NRM_SUBMITTED));
		Object rg = task.getVariable(Variables.REASONABLE_GROUNDS_DECISION);
		Object cg = task.getVariable(Variables.CONCLUSIVE_GROUNDS_DECISION);
		if (nrm && rg == null) {
			open.add(new Item("The reasonable grounds decision is pending.", true));
		}
		if ("POSITIVE".equals(rg) && cg == null) {
			open.add(new Item("The conclusive grounds decision is pending.", true));
		}
		var negative = FormValues.toInstant(task.getVariable(Variables.LATEST_NEGATIVE_DECISION_DATE));
		if (negative != null) {
			LocalDate closes = negative.atZone(JourneyTime.ZONE).toLocalDate().plusDays(30);
			if (!JourneyTime.today().isAfter(closes)) {
				open.add(new Item("The reconsideration window is open until " + closes + ".", true));
			}
		}
		long missing = task.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskDefinitionKey(UserTasks.RESPOND_TO_MISSING_VICTIM)
			.count();
		if (missing > 0) {
			open.add(new Item("A missing episode is still open.", true));
		}
		if (!nrm && !Boolean.TRUE.equals(task.getVariable(Variables.DUTY_TO_NOTIFY_SUBMITTED))) {
			open.add(new Item("Neither an NRM referral nor a Duty to Notify report has been made.", false));
		}
		return open;
	}

	public static String summary(List<Item> open) {
		return open.isEmpty() ? "Nothing is still open."
				: open.stream().map(Item::sentence).collect(Collectors.joining("\n"));
	}

}
