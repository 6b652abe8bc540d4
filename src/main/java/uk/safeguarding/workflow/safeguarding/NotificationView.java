package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;
import java.util.List;

/**
 * A notification as shown on the case: recipient, channel, status, attempts, last error,
 * sent time, and every attempt.
 */
public record NotificationView(Long id, String notice, String recipient, String channel, String occasion, String status,
		int attempts, String lastError, Instant createdAt, Instant sentAt, boolean referralSummaryAttached,
		List<Attempt> deliveryAttempts) {

	/** One delivery attempt. */
	public record Attempt(Instant at, String outcome, String error) {
	}

}
