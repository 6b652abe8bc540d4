package uk.safeguarding.workflow.safeguarding;

/**
 * A channel could not hand a notice over. {@code reason} is the server's reply or the
 * network error, never the notice's content.
 */
class ChannelException extends Exception {

	private final boolean retryable;

	ChannelException(String reason, boolean retryable, Throwable cause) {
		super(reason, cause);
		this.retryable = retryable;
	}

	boolean isRetryable() {
		return this.retryable;
	}

}
