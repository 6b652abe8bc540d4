package uk.safeguarding.workflow.victimcase;

/**
 * An answer in the consent ledger (stored by name in {@code consent_record.outcome}): to
 * the NRM referral, or, for a presumed child found to be an adult, to adult support.
 */
public enum ConsentOutcome {

	GIVEN, DECLINED, UNDECIDED, WITHDRAWN, ADULT_SUPPORT_GIVEN, ADULT_SUPPORT_DECLINED, ADULT_SUPPORT_UNDECIDED;

	/** Whether this answers the NRM referral question (not the adult support one). */
	public boolean isAboutNrmReferral() {
		return !name().startsWith("ADULT_SUPPORT_");
	}

	/**
	 * The NRM consent form's answer ({@code GIVEN}, {@code DECLINED}, {@code UNDECIDED}).
	 */
	static ConsentOutcome nrm(String answer) {
		ConsentOutcome outcome = valueOf(answer);
		if (!outcome.isAboutNrmReferral() || outcome == WITHDRAWN) {
			throw new IllegalArgumentException("Not an answer to the NRM consent question: " + answer);
		}
		return outcome;
	}

	/**
	 * The adult support form's answer ({@code GIVEN}, {@code DECLINED},
	 * {@code UNDECIDED}).
	 */
	static ConsentOutcome adultSupport(String answer) {
		return valueOf("ADULT_SUPPORT_" + nrm(answer).name());
	}

}
