package uk.safeguarding.workflow.victimcase.process;

import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;

import uk.safeguarding.workflow.process.FormValues;
import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * A case passed to us with an NRM referral another agency already made (the start form's
 * "Passed to us by the competent authority" or "NRM referral made by another first
 * responder"): its reference is required then, and the journey goes straight to the
 * decisions with no consent conversation and no second referral.
 */
public final class ExistingNrmReferral {

	static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-]{3,29}");

	/** Ways of coming to notice that mean an NRM referral already exists. */
	static final Set<String> ALREADY_REFERRED = Set.of("COMPETENT_AUTHORITY", "OTHER_FIRST_RESPONDER_NRM");

	private ExistingNrmReferral() {
	}

	/**
	 * @return the existing NRM reference, or {@code null} when there is none
	 */
	public static String read(VariableScope variables) {
		FormValues form = new FormValues(variables);
		Object howCameToNotice = variables.getVariable(Variables.HOW_CAME_TO_NOTICE);
		boolean alreadyReferred = howCameToNotice != null && ALREADY_REFERRED.contains(howCameToNotice);
		if (alreadyReferred) {
			return form.requiredMatching(Variables.EXISTING_NRM_REFERENCE,
					"The NRM reference of the referral already made (the case was passed to us with one)", REFERENCE,
					"4 to 30 letters, digits, '/' or '-'");
		}
		if (form.has(Variables.EXISTING_NRM_REFERENCE)) {
			throw new SafeguardingRuleViolation(Variables.EXISTING_NRM_REFERENCE,
					"An existing NRM reference is only given when the case was passed to us by the competent authority or another first responder's NRM referral (howCameToNotice).");
		}
		return null;
	}

}
