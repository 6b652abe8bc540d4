package uk.safeguarding.workflow.safeguarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with Spring's {@code spring.mail.*} (host, port, authentication,
 * STARTTLS). Each message carries a Message-ID derived from the notification's
 * idempotency key, so a resend after an ambiguous failure is the same message to the
 * recipient's mail system. The referral summary is attached only when the notification is
 * identifying (secure recipient).
 */
@Component
class EmailDelivery {

	private final JavaMailSender mail;

	private final String from;

	EmailDelivery(JavaMailSender mail, @Value("${safeguarding.mail.from}") String from) {
		this.mail = mail;
		this.from = from;
	}

	/**
	 * Hands the notice to the SMTP server.
	 * @return the Message-ID sent
	 * @throws ChannelException when the server did not accept it
	 */
	String deliver(Notification notification, RenderedNotice notice) throws ChannelException {
		String messageId = messageId(notification.getIdempotencyKey());
		MimeMessage message = this.mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, notice.hasAttachment(),
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(notification.getRecipient());
			helper.setSubject(notice.subject());
			helper.setText(notice.body(), false);
			if (notice.hasAttachment()) {
				helper.addAttachment(notice.attachmentName(),
						new ByteArrayResource(notice.attachment().getBytes(StandardCharsets.UTF_8)),
						"text/plain; charset=UTF-8");
			}
			message.setHeader("Message-ID", messageId);
		}
		catch (MessagingException ex) {
			throw new ChannelException("the message could not be built: " + ex.getMessage(), false, ex);
		}
		try {
			this.mail.send(message);
			return messageId;
		}
		catch (MailParseException | MailPreparationException ex) {
			throw new ChannelException("the message was refused before sending: " + rootMessage(ex), false, ex);
		}
		catch (MailException ex) {
			throw new ChannelException("the mail server did not accept it: " + rootMessage(ex), !refusedAddress(ex),
					ex);
		}
	}

	private String messageId(String key) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			String domain = this.from.substring(this.from.indexOf('@') + 1).replace(">", "").strip();
			return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".notice@" + domain + ">";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A recipient address the server refused for good (5xx to RCPT TO). */
	private static boolean refusedAddress(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (cause instanceof org.springframework.mail.MailSendException send) {
				for (Exception inner : send.getFailedMessages().values()) {
					if (refusedAddress(inner)) {
						return true;
					}
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.replaceAll("\\s+", " ").strip();
	}

}
