package uk.safeguarding.workflow.safeguarding;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.safeguarding.workflow.safeguarding.DeliveryAttempt.Outcome;

import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The notification outbox (spec section 6; issue 3).
 * <p>
 * {@link #enqueue} stores a notice in the transaction of the process step that causes it,
 * together with an instance of the {@code notification-delivery} process that will
 * deliver it: both commit with the step or neither does. Its job runs after the commit,
 * on the job executor, with the retries and back-off of
 * {@code safeguarding.policy.notification-retry-cycle}; when they run out the job's
 * incident shows in Cockpit (on the delivery instance, whose business key is the case
 * reference) with a message naming the notice, case and recipient, and "retry" there
 * resumes delivery.
 * <p>
 * Once per recipient and occasion: the idempotency key (case, notice, recipient,
 * occasion) is unique, so storing it again returns the stored one. {@link #deliver}
 * claims the notification (PENDING → SENDING, committed) before talking to the
 * recipient's server and records the outcome (SENT, or back to PENDING with the error,
 * committed) after. A job run again after SENT sends nothing. An attempt that finds
 * SENDING left by an attempt that stopped (a crash, a node stopped) between handing the
 * email over and recording it does not resend an email: it marks the notification UNKNOWN
 * and raises an incident asking a person to confirm with the recipient
 * ({@link #resolve}). A webhook is resent in that case: the receiver drops a repeat by
 * its {@code X-Idempotency-Key}.
 */
@Service
@Transactional
public class NotificationOutbox {

	private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

	private final NotificationRepository notifications;

	private final DeliveryAttemptRepository attempts;

	private final NotificationLedger ledger;

	private final NoticeComposer composer;

	private final EmailDelivery email;

	private final WebhookDelivery webhook;

	private final DeliveryScheduler jobs;

	private final VictimCaseService cases;

	private final ObjectProvider<DeliveryObserver> observers;

	private final Duration sendingLease;

	NotificationOutbox(NotificationRepository notifications, DeliveryAttemptRepository attempts,
			NotificationLedger ledger, NoticeComposer composer, EmailDelivery email, WebhookDelivery webhook,
			DeliveryScheduler jobs, VictimCaseService cases, ObjectProvider<DeliveryObserver> observers,
			@Value("${safeguarding.notifications.sending-lease:PT5M}") Duration sendingLease) {
		this.notifications = notifications;
		this.attempts = attempts;
		this.ledger = ledger;
		this.composer = composer;
		this.email = email;
		this.webhook = webhook;
		this.jobs = jobs;
		this.cases = cases;
		this.observers = observers;
		this.sendingLease = sendingLease;
	}

	/**
	 * Stores a notice and its delivery job in the current transaction (the process
	 * step's), unless a notice with the same idempotency key is already stored.
	 * @return the stored notification, new or existing
	 */
	public Notification enqueue(NoticeRequest request) {
		String key = Notification.keyOf(request.caseReference(), request.notice(), request.recipient(),
				request.occasion());
		Optional<Notification> existing = this.notifications.findByIdempotencyKey(key);
		if (existing.isPresent()) {
			log.info("{} is already in the outbox ({}); not stored again", existing.get().describe(),
					existing.get().getStatus());
			return existing.get();
		}
		Instant now = now();
		Notification notification = new Notification(request.caseReference(), request.notice(), request.recipient(),
				request.channel(), request.occasion(), now);
		notification.setAudience(request.audience());
		notification.setAreaCode(request.areaCode());
		notification.setIdentifying(request.identifying());
		notification.setStepName(request.stepName());
		Notification saved = this.notifications.saveAndFlush(notification);
		this.cases.recordNotificationEvent(request.caseReference(),
				saved.describe() + " queued (" + request.channel() + ", " + request.occasion() + ")", null, now);
		this.jobs.schedule(saved.getId(), request.caseReference(), saved.describe());
		return saved;
	}

	/**
	 * Delivers a stored notification: what its engine job does. Throws
	 * {@link NotificationDeliveryException} when it was not delivered, so that the job is
	 * retried or, when the failure is permanent or retries run out, an incident is
	 * raised.
	 * @param id the notification's id
	 */
	public void deliver(Long id) {
		Notification notification = this.ledger.load(id);
		EnumSet<NotificationStatus> claimable = EnumSet.of(NotificationStatus.PENDING, NotificationStatus.FAILED);
		switch (notification.getStatus()) {
			case SENT -> {
				this.ledger.alreadySent(id, now());
				log.info("{} was already delivered; nothing sent", notification.describe());
				return;
			}
			case UNKNOWN -> throw failure(notification, "an earlier attempt stopped after handing it to the mail "
					+ "server and before recording it, so it may have arrived; confirm with the recipient, then "
					+ "record the answer (POST /api/cases/" + notification.getCaseReference() + "/notifications/" + id
					+ "/resolution) and retry", true);
			case SENDING -> {
				Instant since = notification.getSendingSince();
				if (since != null && since.plus(this.sendingLease).isAfter(now())) {
					throw failure(notification, "another attempt is sending it now", false);
				}
				if (notification.getChannel() == Channel.EMAIL) {
					this.ledger.failed(id, Outcome.OUTCOME_UNKNOWN,
							"an earlier attempt stopped between handing " + "it to the mail server and recording it",
							now());
					throw failure(notification, "an earlier attempt stopped after handing it to the mail server "
							+ "and before recording it, so it may have arrived; not resent. Confirm with the "
							+ "recipient, then record the answer (POST /api/cases/" + notification.getCaseReference()
							+ "/notifications/" + id + "/resolution) and retry", true);
				}
				// a webhook receiver drops a repeat by its idempotency key: resend
				claimable = EnumSet.of(NotificationStatus.SENDING);
			}
			default -> {
			}
		}
		RenderedNotice notice;
		try {
			notice = this.composer.render(notification);
		}
		catch (RuntimeException ex) {
			throw failure(notification, ex.getMessage(), true);
		}
		if (!this.ledger.claim(id, claimable, now())) {
			throw failure(notification, "another attempt claimed it first", false);
		}
		String messageId = null;
		try {
			if (notification.getChannel() == Channel.EMAIL) {
				messageId = this.email.deliver(notification, notice);
			}
			else {
				this.webhook.deliver(notification, notice);
			}
		}
		catch (ChannelException ex) {
			this.ledger.failed(id, ex.isRetryable() ? Outcome.RETRYABLE_FAILURE : Outcome.PERMANENT_FAILURE,
					ex.getMessage(), now());
			throw failure(notification, ex.getMessage(), !ex.isRetryable());
		}
		catch (RuntimeException ex) {
			this.ledger.failed(id, Outcome.RETRYABLE_FAILURE, EmailDelivery.rootMessage(ex), now());
			throw failure(notification, EmailDelivery.rootMessage(ex), false);
		}
		// the window a crash would hit: accepted by the server, not yet recorded
		this.observers.orderedStream().forEach((observer) -> observer.handedOver(notification));
		this.ledger.sent(id, messageId, now());
		log.info("Delivered {} by {}", notification.describe(), notification.getChannel());
	}

	/**
	 * Marks a notification FAILED when its job has no retries left (the incident is
	 * open).
	 */
	public void retriesExhausted(Long id, String reason) {
		this.ledger.retriesExhausted(id, reason, now());
	}

	/**
	 * A person's answer for a notification whose delivery is unknown or failed: delivered
	 * (confirmed with the recipient: never sent again) or not (the next retry sends it).
	 */
	public void resolve(String caseReference, Long id, boolean delivered, String userId) {
		Notification notification = this.ledger.load(id);
		if (!notification.getCaseReference().equals(caseReference)) {
			throw new IllegalArgumentException("Notification " + id + " is not on case " + caseReference);
		}
		this.ledger.resolved(id, delivered, userId, now());
	}

	/**
	 * Every notification of a case with its attempts, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<NotificationView> forCase(String caseReference) {
		return this.notifications.findByCaseReferenceOrderByIdAsc(caseReference)
			.stream()
			.map((n) -> new NotificationView(n.getId(), n.getNotice().name(), n.getRecipient(), n.getChannel().name(),
					n.getOccasion(), n.getStatus().name(), n.getAttempts(), n.getLastError(), n.getCreatedAt(),
					n.getSentAt(), n.isIdentifying(),
					this.attempts.findByNotificationIdOrderByIdAsc(n.getId())
						.stream()
						.map((a) -> new NotificationView.Attempt(a.getAt(), a.getOutcome(), a.getError()))
						.toList()))
			.toList();
	}

	private static NotificationDeliveryException failure(Notification notification, String reason, boolean permanent) {
		return new NotificationDeliveryException("Could not deliver " + notification.describe() + ": " + reason,
				permanent);
	}

	private static Instant now() {
		return JourneyTime.now();
	}

}
