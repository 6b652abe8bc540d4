package uk.safeguarding.workflow.safeguarding;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one https rule for an area's webhook: checked when the directory row arrives
 * ({@link DirectoryCsvParser}) and again before every delivery ({@link WebhookDelivery}),
 * so that a notice never leaves over plain http. Plain http only to this machine
 * ({@code localhost}, {@code 127.0.0.1}), for a local receiver in development and tests.
 */
final class WebhookAddress {

	private WebhookAddress() {
	}

	static boolean isAcceptable(String value) {
		try {
			return value != null && isAcceptable(new URI(value));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	static boolean isAcceptable(URI uri) {
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return false;
		}
		return "https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme())
				&& (uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1")));
	}

}
