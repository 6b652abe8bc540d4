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

import java.util.ArrayList;
import java.util.List;

/**
 * The local run's mail server: a real SMTP server on this machine that keeps what it
 * receives in memory, so notifications work with no setup. Never in production (profile
 * {@code local} only). Turn it off with {@code safeguarding.local-mail.enabled=false} to
 * use your own mail server.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "safeguarding.local-mail.enabled", havingValue = "true", matchIfMissing = true)
public class LocalMailCatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LocalMailCatcher.class);

	private final GreenMail server;

	public LocalMailCatcher(@Value("${spring.mail.port}") int port) {
		this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
		log.info("Local mail catcher listening on 127.0.0.1:{}; notifications sent in the local run stay here", port);
	}

	/** Subject and recipients of every message received, newest last (no bodies). */
	public List<String> received() {
		List<String> summary = new ArrayList<>();
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
		this.server.stop();
	}

}
