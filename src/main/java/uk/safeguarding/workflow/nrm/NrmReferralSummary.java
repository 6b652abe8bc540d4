package uk.safeguarding.workflow.nrm;

import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * A prompt-sheet style summary for the officer to copy into the Modern Slavery Portal. It
 * holds identifying details, so it is generated on request from the case record and never
 * stored in the engine.
 */
public final class NrmReferralSummary {

	private NrmReferralSummary() {
	}

	/**
	 * The summary in plain words and the portal's sections, saying about consent only
	 * what the consent ledger records (see {@link PortalSummaries#nrmReferral}).
	 */
	public static String text(VictimCase c, AreaNames areas) {
		return PortalSummaries.nrmReferral(c, areas);
	}

}
