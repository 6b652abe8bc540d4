package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;
import java.util.Collection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.safeguarding.workflow.safeguarding.DeliveryAttempt.Outcome;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * The delivery state changes, each committed at once in its own transaction, whatever
 * then happens to the job that made them: the claim before talking to the recipient's
 * server and the outcome after. Each writes the attempt and a chronology line.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class NotificationLedger {

	private final NotificationRepository notifications;

	private final DeliveryAttemptRepository attempts;

	private final VictimCaseService cases;

	NotificationLedger(NotificationRepository notifications, DeliveryAttemptRepository attempts,
			VictimCaseService cases) {
		this.notifications = notifications;
		this.attempts = attempts;
		this.cases = cases;
	}

	Notification load(Long id) {
		return this.notifications.findById(id)
			.orElseThrow(() -> new IllegalStateException("No notification " + id + " in the outbox"));
	}

	boolean claim(Long id, Collection<NotificationStatus> from, Instant now) {
		return this.notifications.claim(id, from, now) == 1;
	}

	void sent(Long id, String messageId, Instant now) {
		Notification notification = load(id);
		notification.setStatus(NotificationStatus.SENT);
		notification.setSentAt(now);
		notification.setMessageId(messageId);
		notification.setSendingSince(null);
		notification.setLastError(null);
		this.attempts.save(new DeliveryAttempt(id, now, Outcome.DELIVERED, null));
		this.cases.recordNotificationEvent(notification.getCaseReference(),
				notification.getNotice().title(notification.isIdentifying())
						+ (notification.isIdentifying() ? " (with referral summary, secure channel)"
								: " (no identifying data)")
						+ " delivered to " + notification.getRecipient() + " by " + notification.getChannel()
						+ " (attempt " + notification.getAttempts() + ")",
				notification.getRecipient(), now);
	}

	void failed(Long id, Outcome outcome, String reason, Instant now) {
		Notification notification = load(id);
		notification.setStatus(switch (outcome) {
			case RETRYABLE_FAILURE -> NotificationStatus.PENDING;
			case OUTCOME_UNKNOWN -> NotificationStatus.UNKNOWN;
			default -> NotificationStatus.FAILED;
		});
		notification.setSendingSince(null);
		notification.setLastError(reason);
		this.attempts.save(new DeliveryAttempt(id, now, outcome, reason));
		String what = switch (outcome) {
			case RETRYABLE_FAILURE -> " not delivered (will retry): ";
			case OUTCOME_UNKNOWN -> " delivery outcome unknown (not resent; confirm with the recipient): ";
			default -> " not delivered (no retry): ";
		};
		this.cases.recordNotificationEvent(notification.getCaseReference(),
				notification.describe() + what + reason + " (attempt " + notification.getAttempts() + ")", null, now);
	}

	void alreadySent(Long id, Instant now) {
		this.attempts.save(new DeliveryAttempt(id, now, Outcome.ALREADY_SENT, null));
	}

	void retriesExhausted(Long id, String reason, Instant now) {
		Notification notification = load(id);
		if (notification.getStatus() == NotificationStatus.PENDING) {
			notification.setStatus(NotificationStatus.FAILED);
			this.cases.recordNotificationEvent(notification.getCaseReference(),
					notification.describe() + ": retries ran out; an incident is open in Cockpit", null, now);
		}
	}

	void resolved(Long id, boolean delivered, String userId, Instant now) {
		Notification notification = load(id);
		if (notification.getStatus() != NotificationStatus.UNKNOWN
				&& notification.getStatus() != NotificationStatus.FAILED) {
			throw new IllegalStateException(notification.describe() + " is " + notification.getStatus()
					+ "; only an UNKNOWN or FAILED notification is resolved by a person");
		}
		if (delivered) {
			notification.setStatus(NotificationStatus.SENT);
			notification.setSentAt(now);
		}
		else {
			notification.setStatus(NotificationStatus.PENDING);
		}
		this.cases.recordNotificationEvent(notification.getCaseReference(), notification.describe()
				+ (delivered ? ": confirmed delivered by " : ": confirmed not received, to be resent, by ") + userId,
				delivered ? notification.getRecipient() : null, now);
	}

}
