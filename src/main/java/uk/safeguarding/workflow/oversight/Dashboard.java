package uk.safeguarding.workflow.oversight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one view of the oversight dashboard shows, for one person and one set of
 * filters. The CSV export is made from the same object, so it holds exactly what the page
 * shows.
 */
public record Dashboard(OversightFilters filters, Instant at, List<OverdueStep> overdue, long overdueTotal,
		List<Count> overdueByStep, List<Count> overdueByArea, List<Count> overdueBySupervisor, List<CaseClock> clocks,
		long openCases, List<RiskList> risks, Trends trends) {

	/** How many rows each table lists at most (the totals say how many there are). */
	public static final int ROWS = 200;

	/** A figure with what it counts. */
	public record Count(String key, String label, long count) {
	}

	/** One overdue step of a case. */
	public record OverdueStep(String taskId, String step, String stepName, String caseReference, String areaCode,
			String areaName, String pathway, String supervisor, Instant due, Duration overdueBy, int escalationLevel) {

		public String tasklistLink() {
			return "/camunda/app/tasklist/default/#/?task=" + this.taskId;
		}

		public String caseLink() {
			return "/cases/" + this.caseReference;
		}

		public String overdueText() {
			return Durations.text(this.overdueBy);
		}

		public String escalationText() {
			return switch (this.escalationLevel) {
				case 0 -> "Not yet escalated";
				case 1 -> "Level 1: case supervisor told";
				default -> "Level 2: managers told";
			};
		}

	}

	/** The statutory and local clocks of one open case. */
	public record CaseClock(String caseReference, String pathway, String areaCode, String areaName,
			String sinceIdentification, String mash, String ictg, String referral, String reasonableGrounds,
			String recoveryPeriod, String nextReview) {

		public String caseLink() {
			return "/cases/" + this.caseReference;
		}

	}

	/** Cases in one kind of risk, with why they are listed. */
	public record RiskList(String key, String title, String why, long count, List<String> caseReferences) {
	}

	/**
	 * How the work has gone over the chosen period. The figures of completed steps (late
	 * steps, time per step, referrals) and the children referred to the ICTG service are
	 * those of the period ending at {@code completedAsOf}, read at most a minute before
	 * the page (see {@code StepOutcomes}).
	 */
	public record Trends(List<Count> openByStep, List<Count> lateByWeek, List<StepTime> stepTimes,
			List<Count> referrals, long childrenReferredToIctg, Instant completedAsOf) {
	}

	/**
	 * Completed steps of one kind in the period: how many, median time, share on time.
	 */
	public record StepTime(String step, String label, long completed, String median, double medianHours,
			int onTimePercent) {
	}

}
