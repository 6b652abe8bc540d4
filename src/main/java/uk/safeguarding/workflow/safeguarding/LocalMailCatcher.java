package uk.safeguarding.workflow.safeguarding;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The local run's mail server: a real SMTP server on this machine that keeps what it
 * receives in memory, so notifications work with no setup. Never in production (profile
 * {@code local} only). Turn it off with {@code safeguarding.local-mail.enabled=false} to
 * use your own mail server.
 * <p>
 * When something already listens on the mail port (a developer's own mail catcher), the
 * local run sends to it and says so, instead of failing to start; any other failure to
 * start stops the run with a message naming the settings.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "safeguarding.local-mail.enabled", havingValue = "true", matchIfMissing = true)
public class LocalMailCatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LocalMailCatcher.class);

	private final GreenMail server;

	public LocalMailCatcher(@Value("${spring.mail.port}") int port) {
		if (listening(port)) {
			this.server = null;
			log.info("A mail server already listens on 127.0.0.1:{} (spring.mail.port): the local run sends its"
					+ " notifications there. For the built-in catcher instead, free the port or choose another"
					+ " with SAFEGUARDING_MAIL_PORT; safeguarding.local-mail.enabled=false turns the catcher off.",
					port);
			return;
		}
		this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		try {
			this.server.start();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The local mail catcher could not listen on 127.0.0.1:" + port
					+ " (spring.mail.port): " + ex.getMessage() + ". Choose a free port with SAFEGUARDING_MAIL_PORT,"
					+ " or use your own mail server with safeguarding.local-mail.enabled=false and"
					+ " SAFEGUARDING_MAIL_HOST / SAFEGUARDING_MAIL_PORT.", ex);
		}
		log.info("Local mail catcher listening on 127.0.0.1:{}; notifications sent in the local run stay here", port);
	}

	/** Whether this run's own catcher receives the mail (not a server that was there). */
	public boolean isCatching() {
		return this.server != null;
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException nothingThere) {
			return false;
		}
	}

	/** Subject and recipients of every message received, newest last (no bodies). */
	public List<String> received() {
		List<String> summary = new ArrayList<>();
		if (this.server == null) {
			return summary;
		}
		for (MimeMessage message : this.server.getReceivedMessages()) {
			try {
				summary.add(String.join(",",
						java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()) + " | "
						+ message.getSubject());
			}
			catch (MessagingException ex) {
				summary.add("(unreadable message)");
			}
		}
		return summary;
	}

	@Override
	public void destroy() {
		if (this.server != null) {
			this.server.stop();
		}
	}

}
