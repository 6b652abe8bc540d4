package uk.safeguarding.workflow.safeguarding;

/** How a notification reaches its recipient: chosen per recipient in the directory. */
public enum Channel {

	/** SMTP through {@code spring.mail.*}. */
	EMAIL,

	/** HTTPS POST of a signed JSON notice to a partner's API. */
	WEBHOOK

}
