package uk.safeguarding.workflow.process;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Force policy (spec section 3): settings with sound defaults that change without a code
 * change, under {@code safeguarding.policy.*}. Hard gates are never here. Step deadlines
 * are in the {@code step-deadlines} decision table.
 */
@ConfigurationProperties("safeguarding.policy")
public class JourneyPolicy {

	/**
	 * When the next supervisory review task appears after the last one (ISO-8601); it is
	 * due 28 days after the last review (step-deadlines).
	 */
	private String supervisoryReviewInterval = "P21D";

	/**
	 * When an adult is undecided: how long before the liaison officer contacts them
	 * again.
	 */
	private String recontactInterval = "P7D";

	/**
	 * When an adult declines: when the revisit-consent task appears; it is due 28 days
	 * after the decline (step-deadlines).
	 */
	private String revisitConsentInterval = "P21D";

	/**
	 * Undecided contacts after which the Duty to Notify report is made and the offer
	 * stays open.
	 */
	private int maxUndecidedContacts = 2;

	/**
	 * Waits between attempts to deliver a notification (and to run the service tasks that
	 * store them): a list of ISO-8601 durations, one retry after each, or Camunda's
	 * {@code R<n>/<duration>}. When the last retry fails, an incident appears in Cockpit.
	 */
	private String notificationRetryCycle = "PT1M,PT5M,PT15M,PT60M";

	/** Years after closure before the case record's retention is reviewed. */
	private int retentionReviewYears = 6;

	public String getSupervisoryReviewInterval() {
		return this.supervisoryReviewInterval;
	}

	public void setSupervisoryReviewInterval(String supervisoryReviewInterval) {
		this.supervisoryReviewInterval = checkDuration("supervisory-review-interval", supervisoryReviewInterval);
	}

	public String getRecontactInterval() {
		return this.recontactInterval;
	}

	public void setRecontactInterval(String recontactInterval) {
		this.recontactInterval = checkDuration("recontact-interval", recontactInterval);
	}

	public String getRevisitConsentInterval() {
		return this.revisitConsentInterval;
	}

	public void setRevisitConsentInterval(String revisitConsentInterval) {
		this.revisitConsentInterval = checkDuration("revisit-consent-interval", revisitConsentInterval);
	}

	public int getMaxUndecidedContacts() {
		return this.maxUndecidedContacts;
	}

	public void setMaxUndecidedContacts(int maxUndecidedContacts) {
		if (maxUndecidedContacts < 1) {
			throw new IllegalArgumentException("safeguarding.policy.max-undecided-contacts must be at least 1");
		}
		this.maxUndecidedContacts = maxUndecidedContacts;
	}

	public String getNotificationRetryCycle() {
		return this.notificationRetryCycle;
	}

	/**
	 * The waits between notification attempts; read (and checked) once, at start, by the
	 * notification outbox's {@code RetrySchedule}.
	 */
	public void setNotificationRetryCycle(String notificationRetryCycle) {
		this.notificationRetryCycle = notificationRetryCycle.strip();
	}

	public int getRetentionReviewYears() {
		return this.retentionReviewYears;
	}

	public void setRetentionReviewYears(int retentionReviewYears) {
		this.retentionReviewYears = retentionReviewYears;
	}

	private static String checkDuration(String name, String value) {
		try {
			if (value.contains("T")) {
				Duration.parse(value);
			}
			else {
				Period.parse(value);
			}
			return value;
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"safeguarding.policy." + name + " must be an ISO-8601 duration such as P28D or PT12H", ex);
		}
	}

}
