package uk.safeguarding.workflow.safeguarding;

/**
 * A notification could not be delivered. The message says what failed, for which case and
 * recipient, and never carries personal data: it becomes the job's exception message and,
 * when retries run out, the incident in Cockpit. A {@link #isPermanent() permanent}
 * failure raises the incident at once instead of retrying.
 */
public class NotificationDeliveryException extends RuntimeException {

	private final boolean permanent;

	public NotificationDeliveryException(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	/**
	 * Whether a retry cannot help (a 4xx, a missing directory entry, an outcome a person
	 * must confirm): the incident appears at once.
	 * @return {@code true} when the failure is permanent
	 */
	public boolean isPermanent() {
		return this.permanent;
	}

	/**
	 * Whether a throwable, or one of its causes, is a permanent delivery failure.
	 * @param failure what a job threw
	 * @return {@code true} when retrying cannot help
	 */
	public static boolean isPermanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NotificationDeliveryException delivery && delivery.isPermanent()) {
				return true;
			}
			if (cause == cause.getCause()) {
				break;
			}
		}
		return false;
	}

}
