package uk.safeguarding.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's way to the mail server: passes SMTP through, or, while {@link #hang} is on,
 * accepts a connection and says nothing, so the node's delivery job stays in the middle
 * of its work (for killing the node there).
 */
public final class SmtpRelay implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private volatile boolean hang;

	private final Semaphore hungConnections = new Semaphore(0);

	private final AtomicInteger hung = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	public SmtpRelay(int target) throws IOException {
		this.server = new ServerSocket(0);
		this.target = target;
		Thread acceptor = new Thread(this::accept, "smtp-relay-" + this.server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void hang(boolean hang) {
		this.hang = hang;
	}

	public int hungConnections() {
		return this.hung.get();
	}

	/** Blocks until a node has opened a connection that is being held. */
	public boolean awaitHungConnection(long seconds) throws InterruptedException {
		return this.hungConnections.tryAcquire(seconds, java.util.concurrent.TimeUnit.SECONDS);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				if (this.hang) {
					this.hung.incrementAndGet();
					this.hungConnections.release();
					continue;
				}
				Socket upstream = new Socket("127.0.0.1", this.target);
				this.open.add(upstream);
				pipe(client, upstream);
				pipe(upstream, client);
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				try {
					to.shutdownOutput();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
	}

}
