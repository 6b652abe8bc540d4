package uk.safeguarding.workflow.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One human step of the journey, in one place: its task, its form (whose field keys are
 * the only answers a completion may carry, {@link StepForms}), its rules and refusals,
 * the journey values it sets on the server, what it shows in the chronology and what it
 * writes into the case record. {@link Steps} holds every entry; {@link JourneyGuard} and
 * the case record read them, never a task id of their own.
 *
 * @param taskId the user task's id in the model
 * @param form the id (file name) of the step's Camunda Form
 * @param rule checks the answers (a refusal is a {@link SafeguardingRuleViolation}) and
 * sets the journey values
 * @param onCreate prepares a new task (e.g. a consent conversation starts blank)
 * @param journeyValues process variables the rule sets, never a client
 * @param shown answers named in the chronology entry of the completed step
 * @param recorded case record fields the step fills, by name (the answer of the same
 * name; personal data included, which never stays in the engine)
 * @param actions what else the step does to the case record
 * @param prepares what the case record gives the task when it appears
 */
public record Step(String taskId, String form, Rule rule, Rule onCreate, Set<String> journeyValues, List<String> shown,
		List<String> recorded, Set<CaseRecordAction> actions, Set<Preparation> prepares) {

	/** A step's check of its answers. */
	@FunctionalInterface
	public interface Rule {

		void apply(DelegateTask task, FormValues answers);

		Rule NONE = (task, answers) -> {
		};

	}

	/** Changes to the case record beyond copying named answers. */
	public enum CaseRecordAction {

		/** The person completing the step becomes the case's supervisor, if none yet. */
		SUPERVISES,
		/** An entry in the consent ledger (NRM consent). */
		NRM_CONSENT,
		/** An entry in the consent ledger (consent to adult support). */
		ADULT_SUPPORT_CONSENT,
		/** The case closes when {@code closeCase} is true (retention review date set). */
		CLOSES

	}

	/** What the case record puts on the task when it appears, for its form to show. */
	public enum Preparation {

		/** The anonymous Duty to Notify summary ({@code dutyToNotifySummary}). */
		DUTY_TO_NOTIFY_SUMMARY,
		/** What is still open on the case ({@code openItemsSummary}). */
		OPEN_ITEMS

	}

	public static Step of(String taskId, String form) {
		return new Step(taskId, form, Rule.NONE, Rule.NONE, Set.of(), List.of(), List.of(), Set.of(), Set.of());
	}

	public Step rule(Rule newRule) {
		return new Step(this.taskId, this.form, newRule, this.onCreate, this.journeyValues, this.shown, this.recorded,
				this.actions, this.prepares);
	}

	public Step onCreate(Rule newOnCreate) {
		return new Step(this.taskId, this.form, this.rule, newOnCreate, this.journeyValues, this.shown, this.recorded,
				this.actions, this.prepares);
	}

	public Step sets(String... values) {
		return new Step(this.taskId, this.form, this.rule, this.onCreate, Set.of(values), this.shown, this.recorded,
				this.actions, this.prepares);
	}

	public Step shows(String... answers) {
		return new Step(this.taskId, this.form, this.rule, this.onCreate, this.journeyValues, List.of(answers),
				this.recorded, this.actions, this.prepares);
	}

	public Step records(String... fields) {
		return new Step(this.taskId, this.form, this.rule, this.onCreate, this.journeyValues, this.shown,
				List.of(fields), this.actions, this.prepares);
	}

	public Step does(CaseRecordAction... newActions) {
		return new Step(this.taskId, this.form, this.rule, this.onCreate, this.journeyValues, this.shown, this.recorded,
				Set.of(newActions), this.prepares);
	}

	public Step prepares(Preparation... preparations) {
		return new Step(this.taskId, this.form, this.rule, this.onCreate, this.journeyValues, this.shown, this.recorded,
				this.actions, Set.of(preparations));
	}

}
