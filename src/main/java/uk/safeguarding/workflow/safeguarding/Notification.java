package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One notice to one recipient for one occasion: the outbox row. Stored in the transaction
 * of the step that causes it; delivered afterwards by its own engine job. The idempotency
 * key (case, notice, recipient, occasion) is unique, so a notice can be stored only once.
 * {@code lastError} never holds personal data: it is written from server replies and our
 * own messages only.
 */
@Entity
@Table(name = "notification", uniqueConstraints = @UniqueConstraint(name = "uk_notification_idempotency_key",
		columnNames = "idempotency_key"))
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_reference", nullable = false, length = 20)
	private String caseReference;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Notice notice;

	@Column(nullable = false, length = 500)
	private String recipient;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Channel channel;

	@Column(nullable = false, length = 100)
	private String occasion;

	@Column(name = "idempotency_key", nullable = false, length = 700)
	private String idempotencyKey;

	/** Who the notice is for, in words (for example "Children's services (MASH)"). */
	@Column(length = 200)
	private String audience;

	/** The area whose directory entry chose the recipient, if any. */
	@Column(length = 9)
	private String areaCode;

	/** Whether a referral summary with identifying details goes with it (secure only). */
	private boolean identifying;

	/** For a task notice: the step's name. */
	@Column(length = 200)
	private String stepName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private NotificationStatus status = NotificationStatus.PENDING;

	private int attempts;

	@Column(length = 500)
	private String lastError;

	@Column(nullable = false)
	private Instant createdAt;

	private Instant sendingSince;

	private Instant sentAt;

	@Column(length = 200)
	private String messageId;

	protected Notification() {
	}

	public Notification(String caseReference, Notice notice, String recipient, Channel channel, String occasion,
			Instant createdAt) {
		this.caseReference = caseReference;
		this.notice = notice;
		this.recipient = recipient;
		this.channel = channel;
		this.occasion = occasion;
		this.idempotencyKey = keyOf(caseReference, notice, recipient, occasion);
		this.createdAt = createdAt;
	}

	/**
	 * The idempotency key: case, notice type, recipient and occasion.
	 * @return {@code MSHT-2026-000012|CASE_OPENED|mash@example.gov.uk|case-opened}
	 */
	public static String keyOf(String caseReference, Notice notice, String recipient, String occasion) {
		return caseReference + "|" + notice.name() + "|" + recipient.toLowerCase(java.util.Locale.ROOT) + "|"
				+ occasion;
	}

	public Long getId() {
		return this.id;
	}

	public String getCaseReference() {
		return this.caseReference;
	}

	public Notice getNotice() {
		return this.notice;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public Channel getChannel() {
		return this.channel;
	}

	public String getOccasion() {
		return this.occasion;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public String getAudience() {
		return this.audience;
	}

	void setAudience(String audience) {
		this.audience = audience;
	}

	public String getAreaCode() {
		return this.areaCode;
	}

	void setAreaCode(String areaCode) {
		this.areaCode = areaCode;
	}

	public boolean isIdentifying() {
		return this.identifying;
	}

	void setIdentifying(boolean identifying) {
		this.identifying = identifying;
	}

	public String getStepName() {
		return this.stepName;
	}

	void setStepName(String stepName) {
		this.stepName = stepName;
	}

	public NotificationStatus getStatus() {
		return this.status;
	}

	void setStatus(NotificationStatus status) {
		this.status = status;
	}

	public int getAttempts() {
		return this.attempts;
	}

	void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	public String getLastError() {
		return this.lastError;
	}

	void setLastError(String lastError) {
		this.lastError = (lastError != null && lastError.length() > 500) ? lastError.substring(0, 499) + "…"
				: lastError;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSendingSince() {
		return this.sendingSince;
	}

	void setSendingSince(Instant sendingSince) {
		this.sendingSince = sendingSince;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

	void setSentAt(Instant sentAt) {
		this.sentAt = sentAt;
	}

	public String getMessageId() {
		return this.messageId;
	}

	void setMessageId(String messageId) {
		this.messageId = messageId;
	}

	/**
	 * A short description for messages and incidents, with no personal data.
	 * @return for example {@code CASE_OPENED notice for MSHT-2026-000012 to mash@…}
	 */
	public String describe() {
		return this.notice.name() + " notice for " + this.caseReference + " to " + this.recipient;
	}

}
