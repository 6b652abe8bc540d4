package uk.safeguarding.workflow.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

/**
 * Issue 8, item 11: the local run's mail catcher, with and without a mail server of the
 * developer's own already on the port.
 */
class LocalMailCatcherTest {

	@Test
	void localMail_aServerAlreadyOnThePortIsUsed_insteadOfFailingToStart() throws IOException {
		try (ServerSocket ownMailServer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			LocalMailCatcher catcher = new LocalMailCatcher(ownMailServer.getLocalPort());
			try {
				assertThat(catcher.isCatching()).isFalse();
				assertThat(catcher.received()).isEmpty();
			}
			finally {
				catcher.destroy();
			}
			// the developer's server is left as it was
			assertThat(ownMailServer.isClosed()).isFalse();
		}
	}

	@Test
	void localMail_aFreePortGetsTheBuiltInCatcher() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		LocalMailCatcher catcher = new LocalMailCatcher(port);
		try {
			assertThat(catcher.isCatching()).isTrue();
			try (Socket smtp = new Socket(InetAddress.getLoopbackAddress(), port)) {
				assertThat(new String(smtp.getInputStream().readNBytes(3))).isEqualTo("220");
			}
		}
		finally {
			catcher.destroy();
		}
	}

}
