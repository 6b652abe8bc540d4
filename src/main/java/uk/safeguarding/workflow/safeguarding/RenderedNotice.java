package uk.safeguarding.workflow.safeguarding;

import java.util.Map;

/**
 * A notice ready for a channel.
 *
 * @param subject the subject line (urgency first)
 * @param body the plain-text body, with no identifying data
 * @param attachmentName the referral summary's file name, or {@code null}
 * @param attachment the referral summary (secure recipients only), or {@code null}
 * @param fields the notice's facts for a webhook's JSON (no identifying data)
 */
record RenderedNotice(String subject, String body, String attachmentName, String attachment,
		Map<String, Object> fields) {

	boolean hasAttachment() {
		return this.attachment != null;
	}

}
