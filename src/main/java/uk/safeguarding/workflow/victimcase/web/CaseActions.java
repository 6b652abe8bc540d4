package uk.safeguarding.workflow.victimcase.web;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.identity.CaseActor;
import uk.safeguarding.workflow.victimcase.MissingEpisode;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The case page's actions. Each goes through the engine's messages, so the model stays
 * the one truth; the server decides every value a message carries (the form only says
 * what happened), and the model's own rules (in its listeners and delegates) refuse what
 * cannot happen, for the page and for REST callers alike.
 */
@Component
class CaseActions {

	static final Pattern OPERATION_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{2,29}");

	private final RuntimeService runtime;

	private final VictimCaseService cases;

	CaseActions(RuntimeService runtime, VictimCaseService cases) {
		this.runtime = runtime;
		this.cases = cases;
	}

	/** A refusal to show the person, naming the form field it is about. */
	static final class Refused extends RuntimeException {

		private final String field;

		Refused(String field, String message) {
			super(message);
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

	void reportMissing(String reference, String userId) {
		boolean open = this.cases.missingEpisodes(reference).stream().anyMatch(MissingEpisode::isOpen);
		if (open) {
			throw new Refused("missing", "The person is already reported missing: record that they are found first.");
		}
		correlate(reference, userId, Messages.VICTIM_REPORTED_MISSING, null, null, "missing");
	}

	void found(String reference, String userId) {
		correlate(reference, userId, Messages.VICTIM_FOUND, null, null, "found");
	}

	void ageAssessed(String reference, String userId, String outcome) {
		if (!"ADULT".equals(outcome) && !"CHILD".equals(outcome)) {
			throw new Refused("assessedAge", "Select what the local authority's age assessment found.");
		}
		correlate(reference, userId, Messages.AGE_ASSESSMENT_COMPLETED, Variables.ASSESSED_ADULT,
				"ADULT".equals(outcome), "assessedAge");
	}

	void consentWithdrawn(String reference, String userId, boolean confirmed) {
		if (!confirmed) {
			throw new Refused("confirmWithdrawal", "Confirm that the person has withdrawn their consent.");
		}
		correlate(reference, userId, Messages.CONSENT_WITHDRAWN, null, null, "confirmWithdrawal");
	}

	void linkOperation(String reference, String userId, String operationReference) {
		String value = (operationReference != null) ? operationReference.strip() : "";
		if (value.isEmpty()) {
			throw new Refused("operationReference", "Enter the operation reference.");
		}
		if (!OPERATION_REFERENCE.matcher(value).matches()) {
			throw new Refused("operationReference",
					"Enter the operation reference as 3 to 30 letters, numbers, / or - (for example OP-KESTREL-24).");
		}
		this.cases.linkOperation(reference, value.toUpperCase(java.util.Locale.ROOT), userId, JourneyTime.now());
	}

	private void correlate(String reference, String userId, String message, String variable, Object value,
			String field) {
		try {
			CaseActor.actingAs(userId, () -> {
				var correlation = this.runtime.createMessageCorrelation(message).processInstanceBusinessKey(reference);
				if (variable != null) {
					correlation.setVariable(variable, value);
				}
				return correlation.correlateWithResult();
			});
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new Refused(field, "The case is closed: it no longer takes this action.");
		}
		catch (ProcessEngineException ex) {
			SafeguardingRuleViolation rule = ruleIn(ex);
			if (rule == null) {
				throw ex;
			}
			throw new Refused(field, rule.getMessage());
		}
	}

	private static SafeguardingRuleViolation ruleIn(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SafeguardingRuleViolation rule) {
				return rule;
			}
		}
		return null;
	}

}
