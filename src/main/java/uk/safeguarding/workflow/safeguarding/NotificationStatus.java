package uk.safeguarding.workflow.safeguarding;

/** Where a notification is in its delivery. */
public enum NotificationStatus {

	/** Stored, not yet handed over (or a failed attempt that will be retried). */
	PENDING,

	/**
	 * An attempt is talking to the recipient's server now. Found on a later attempt, it
	 * means the earlier one stopped (a crash, a stopped node) before it could record the
	 * outcome.
	 */
	SENDING,

	/** The recipient's server accepted it. */
	SENT,

	/**
	 * It could not be delivered and will not be retried without a person (retries ran
	 * out, or the recipient refused it for good).
	 */
	FAILED,

	/**
	 * An attempt stopped between handing the email over and recording it: it may or may
	 * not have arrived. Never resent automatically; a person confirms with the recipient.
	 */
	UNKNOWN

}
