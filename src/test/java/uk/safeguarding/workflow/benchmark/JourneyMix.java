package uk.safeguarding.workflow.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Events;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;

/**
 * The national mix of complete journeys (issue 12 item 6): 40% children; adults 75%
 * consent, 25% decline and decline again when the consent is revisited; of the referred,
 * reasonable grounds 85% positive, conclusive grounds 90% positive. Every journey ends
 * with the case closed; what differs is the way there, which {@link #check} holds each
 * finished journey to.
 */
public final class JourneyMix {

	private JourneyMix() {
	}

	/**
	 * One journey of the mix.
	 *
	 * @param number its place in the run
	 * @param child reported as a child
	 * @param declines an adult who declines the NRM referral, and declines again
	 * @param reasonableGroundsPositive the reasonable grounds decision
	 * @param conclusiveGroundsPositive the conclusive grounds decision
	 */
	public record Journey(int number, boolean child, boolean declines, boolean reasonableGroundsPositive,
			boolean conclusiveGroundsPositive) {

		public Map<String, Object> report() {
			Map<String, Object> report = this.child ? JourneyFixtures.childReport() : JourneyFixtures.adultReport();
			return report;
		}

		boolean referred() {
			return !this.declines;
		}

		/** The answers a person gives at this step on this journey. */
		public Map<String, Object> answers(String step) {
			Map<String, Object> answers = JourneyFixtures.answers(step);
			switch (step) {
				case UserTasks.RECORD_IMMEDIATE_SAFEGUARDING -> {
					if (this.child) {
						answers.put("policeProtectionUsed", true);
					}
				}
				case UserTasks.SEEK_INFORMED_CONSENT, UserTasks.REVISIT_CONSENT -> {
					if (this.declines) {
						answers.put(Variables.NRM_CONSENT, "DECLINED");
					}
				}
				case UserTasks.RECORD_REASONABLE_GROUNDS_DECISION -> {
					if (!this.reasonableGroundsPositive) {
						answers.put("reasonableGroundsDecision", "NEGATIVE");
						answers.put("reasonableGroundsDecisionDate", LocalDate.now().minusDays(3).toString());
					}
				}
				case UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION -> {
					if (!this.conclusiveGroundsPositive) {
						answers.put("conclusiveGroundsDecision", "NEGATIVE");
					}
				}
				case UserTasks.REVIEW_CASE_CLOSURE -> {
					if (this.declines) {
						answers.put("closureReason", "CONSENT_DECLINED");
					}
					else if (!this.reasonableGroundsPositive || !this.conclusiveGroundsPositive) {
						// closing inside the reconsideration window needs its reason
						// stated
						answers.put("closureReason", "NO_FURTHER_ACTION");
						answers.put("closureNotes",
								"Negative decision, not reconsidered; support continues elsewhere.");
					}
				}
				default -> {
				}
			}
			return answers;
		}

		/** Steps this journey must have been through. */
		Set<String> expectedSteps() {
			Set<String> steps = new java.util.TreeSet<>(Set.of(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING,
					UserTasks.DEPLOY_VICTIM_LIAISON, UserTasks.REVIEW_CASE_CLOSURE));
			if (this.child) {
				steps.add(UserTasks.RECORD_STRATEGY_DISCUSSION);
			}
			else {
				steps.add(UserTasks.SEEK_INFORMED_CONSENT);
			}
			if (this.declines) {
				steps.addAll(List.of(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.REVISIT_CONSENT));
			}
			else {
				steps.addAll(List.of(UserTasks.SUBMIT_NRM_REFERRAL, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION));
				if (this.reasonableGroundsPositive) {
					steps.add(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);
				}
				if (!this.reasonableGroundsPositive || !this.conclusiveGroundsPositive) {
					steps.add(UserTasks.CONSIDER_RECONSIDERATION);
				}
			}
			return steps;
		}

		/** Steps this journey must never have been through. */
		Set<String> forbiddenSteps() {
			Set<String> steps = new java.util.TreeSet<>();
			if (this.child) {
				steps.addAll(List.of(UserTasks.SEEK_INFORMED_CONSENT, UserTasks.SUBMIT_DUTY_TO_NOTIFY,
						UserTasks.REVISIT_CONSENT));
			}
			if (this.declines) {
				steps.addAll(List.of(UserTasks.SUBMIT_NRM_REFERRAL, UserTasks.RECORD_REASONABLE_GROUNDS_DECISION));
			}
			else {
				steps.addAll(List.of(UserTasks.SUBMIT_DUTY_TO_NOTIFY, UserTasks.REVISIT_CONSENT));
				if (!this.reasonableGroundsPositive) {
					steps.add(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);
				}
				if (this.reasonableGroundsPositive && this.conclusiveGroundsPositive) {
					steps.add(UserTasks.CONSIDER_RECONSIDERATION);
				}
			}
			return steps;
		}

		String kind() {
			if (this.child) {
				return "child";
			}
			return this.declines ? "adult declines twice" : "adult consents";
		}

	}

	/**
	 * Journeys of the national mix, the same ones for the same seed.
	 * @param count how many
	 * @param seed the random seed
	 * @return the journeys
	 */
	public static List<Journey> of(int count, long seed) {
		Random random = new Random(seed);
		List<Journey> journeys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean child = random.nextDouble() < 0.40;
			boolean declines = !child && random.nextDouble() < 0.25;
			boolean reasonable = random.nextDouble() < 0.85;
			boolean conclusive = random.nextDouble() < 0.90;
			journeys.add(new Journey(i + 1, child, declines, reasonable, conclusive));
		}
		return journeys;
	}

	/**
	 * What is wrong with how this journey went, or null if it reached its expected end by
	 * its expected way.
	 * @param journey the journey
	 * @param endActivity the activity it ended at (null: not ended)
	 * @param created the steps created on it
	 * @return a sentence naming the difference, or null
	 */
	public static String check(Journey journey, String endActivity, Set<String> created) {
		if (!Events.CASE_CLOSED.equals(endActivity)) {
			return journey + " ended at " + endActivity + ", not " + Events.CASE_CLOSED;
		}
		Set<String> missing = new java.util.TreeSet<>(journey.expectedSteps());
		missing.removeAll(created);
		if (!missing.isEmpty()) {
			return journey + " never went through " + missing;
		}
		Set<String> wrong = new java.util.TreeSet<>(journey.forbiddenSteps());
		wrong.retainAll(created);
		if (!wrong.isEmpty()) {
			return journey + " went through " + wrong;
		}
		return null;
	}

}
