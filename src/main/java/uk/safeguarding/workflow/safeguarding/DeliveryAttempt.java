package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver a notification, and how it ended. */
@Entity
@Table(name = "notification_attempt")
public class DeliveryAttempt {

	/** How an attempt ended. */
	public enum Outcome {

		/** The recipient's server accepted the notice. */
		DELIVERED,

		/** It failed in a way that a retry may fix (connection refused, 5xx, timeout). */
		RETRYABLE_FAILURE,

		/** The recipient refused it for good (a 4xx, a refused address). */
		PERMANENT_FAILURE,

		/** An earlier attempt stopped before recording its outcome; not resent. */
		OUTCOME_UNKNOWN,

		/** Found already sent (a redelivered job): nothing sent. */
		ALREADY_SENT

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "notification_id", nullable = false)
	private Long notificationId;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 20)
	private String outcome;

	@Column(length = 500)
	private String error;

	protected DeliveryAttempt() {
	}

	DeliveryAttempt(Long notificationId, Instant at, Outcome outcome, String error) {
		this.notificationId = notificationId;
		this.at = at;
		this.outcome = outcome.name();
		this.error = (error != null && error.length() > 500) ? error.substring(0, 499) + "…" : error;
	}

	public Long getNotificationId() {
		return this.notificationId;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getOutcome() {
		return this.outcome;
	}

	public String getError() {
		return this.error;
	}

}
