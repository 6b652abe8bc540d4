package uk.safeguarding.workflow.safeguarding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Delivers a notice to a partner's API: an HTTPS POST of a JSON notice (no identifying
 * data), signed with HMAC-SHA256 over the exact body bytes in
 * {@code X-Safeguarding-Signature: sha256=<hex>}, with the notification's idempotency key
 * in {@code X-Idempotency-Key} so the receiver can drop a repeat. The shared secret of an
 * area is configuration, never directory data:
 * {@code safeguarding.webhooks.secrets.<area code>} (environment variable
 * {@code SAFEGUARDING_WEBHOOKS_SECRETS_<AREA CODE>}). Plain HTTP is refused except to
 * this machine (loopback), for tests and local receivers.
 * <p>
 * A 2xx is delivered; a 5xx, 408, 429, timeout or network error is retried; any other
 * answer (a 4xx: the receiver refuses this notice) fails at once with an incident.
 */
@Component
class WebhookDelivery {

	static final String SIGNATURE_HEADER = "X-Safeguarding-Signature";

	static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";

	private final ObjectMapper json;

	private final Environment environment;

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebhookDelivery(ObjectMapper json, Environment environment) {
		this.json = json;
		this.environment = environment;
	}

	void deliver(Notification notification, RenderedNotice notice) throws ChannelException {
		URI uri = URI.create(notification.getRecipient());
		if (!WebhookAddress.isAcceptable(uri)) {
			throw new ChannelException("the webhook address must use https", false, null);
		}
		String secret = secretFor(notification.getAreaCode());
		if (secret == null) {
			throw new ChannelException("no webhook secret is configured for area " + notification.getAreaCode()
					+ " (safeguarding.webhooks.secrets." + notification.getAreaCode() + ")", false, null);
		}
		byte[] body;
		try {
			body = this.json.writeValueAsBytes(notice.fields());
		}
		catch (JsonProcessingException ex) {
			throw new ChannelException("the notice could not be written as JSON", false, ex);
		}
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
			.header(IDEMPOTENCY_HEADER, notification.getIdempotencyKey())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new ChannelException("the webhook could not be reached: " + EmailDelivery.rootMessage(ex), true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ChannelException("interrupted while calling the webhook", true, ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		boolean retryable = status >= 500 || status == 408 || status == 429;
		throw new ChannelException("the webhook answered HTTP " + status, retryable, null);
	}

	/**
	 * The HMAC-SHA256 of a body, as lower-case hex: what a receiver recomputes to check a
	 * notice came from us.
	 */
	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String secretFor(String areaCode) {
		if (areaCode == null) {
			return null;
		}
		String secret = this.environment.getProperty("safeguarding.webhooks.secrets." + areaCode);
		if (secret == null) {
			secret = this.environment.getProperty("safeguarding.webhooks.secrets." + areaCode.toLowerCase(Locale.ROOT));
		}
		return (secret == null || secret.isBlank()) ? null : secret;
	}

}
