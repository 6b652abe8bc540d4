package uk.safeguarding.workflow.nrm;

import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * The Duty to Notify report summary (Modern Slavery Act 2015 s52(3)) in the two forms the
 * product uses. One text, written once in {@link PortalSummaries}: the case page, its
 * printable view, the Duty to Notify step's form and {@code GET
 * /api/cases/{reference}/duty-to-notify-summary} all say the same.
 */
public final class DutyToNotifyReport {

	private DutyToNotifyReport() {
	}

	/**
	 * The summary that may be stored with the step: enumerated values only. The
	 * nationality and the area or country of exploitation are coded too, but they are
	 * case-record data (PersonalData): they are added by {@link #fullSummary}, shown and
	 * never stored in the engine.
	 * @param record the case record
	 * @return one line per allowed item
	 */
	public static String summary(VictimCase record) {
		return PortalSummaries.dutyToNotifyForEngine(record);
	}

	/**
	 * The full allow-list, including the nationality and the area or country of
	 * exploitation, for the officer to copy into the Modern Slavery Portal (see
	 * {@link PortalSummaries#dutyToNotify}).
	 * @param record the case record
	 * @param areas the directory's area names
	 * @return the report text
	 */
	public static String fullSummary(VictimCase record, AreaNames areas) {
		return PortalSummaries.dutyToNotify(record, areas);
	}

}
