package uk.safeguarding.workflow;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.awaitility.Awaitility;

/**
 * One node of the product in a JVM of its own, from the test's classpath, on a free port.
 * Its log is kept in {@code target/two-nodes/<name>.log}.
 */
public final class ProductNode {

	private final String name;

	private final int port;

	private final List<String> arguments;

	private Process process;

	public ProductNode(String name, List<String> arguments) throws IOException {
		this.name = name;
		this.port = freePort();
		this.arguments = arguments;
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The test's classpath as a list of its entries, each once: Surefire hands the test
	 * JVM one jar whose manifest names them, and a second JVM started on that jar sees
	 * each resource twice (so Camunda would deploy every model twice).
	 */
	public static String classpath() throws IOException {
		Set<String> entries = new LinkedHashSet<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.endsWith(".jar")) {
				try (JarFile jar = new JarFile(entry)) {
					Manifest manifest = jar.getManifest();
					String listed = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
					if (listed != null && entry.contains("surefire")) {
						for (String url : listed.trim().split("\\s+")) {
							entries.add(new File(URI.create(url)).getCanonicalPath());
						}
						continue;
					}
				}
			}
			entries.add(new File(entry).getCanonicalPath());
		}
		return String.join(File.pathSeparator, entries);
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public ProductNode start() throws IOException {
		Path log = Path.of("target", "two-nodes", this.name + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath(),
						"uk.safeguarding.workflow.SafeguardingApplication", "--server.port=" + this.port,
						// the engine's name for this node in its job log
						// (ACT_HI_JOB_LOG.HOSTNAME_)
						"--camunda.bpm.generic-properties.properties.hostname=" + this.name));
		command.addAll(this.arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("SAFEGUARDING_DEMO_PASSWORD", RestJourney.PASSWORD);
		this.process = builder.start();
		return this;
	}

	public ProductNode awaitHealthy(Duration atMost) {
		Awaitility.await(this.name + " healthy").atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped; see target/two-nodes/" + this.name + ".log");
			}
			try {
				HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/actuator/health")
					.toURL()
					.openConnection();
				connection.setConnectTimeout(1000);
				connection.setReadTimeout(2000);
				return connection.getResponseCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return this;
	}

	/** kill -9: no shutdown hook runs, locks and claims stay as they were. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/** A normal stop (SIGTERM): Spring closes the engine and lets running jobs finish. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

	public boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** The lines of this node's log so far (every start of it, one after the other). */
	public List<String> logLines() throws IOException {
		return Files.readAllLines(log().toPath());
	}

	/** A line logged at level ERROR (Spring Boot's console format). */
	public static boolean isError(String line) {
		return line.matches("^\\S+\\s+ERROR .*");
	}

	/**
	 * The lock owner this node's job executor uses since its last start, from its log
	 * ({@code NodeLockOwner}).
	 */
	public String lockOwner() throws IOException {
		String owner = null;
		for (String line : logLines()) {
			int at = line.indexOf("locks jobs as ");
			if (at >= 0) {
				owner = line.substring(at + "locks jobs as ".length()).trim();
			}
		}
		if (owner == null) {
			throw new IllegalStateException(this.name + " logged no lock owner");
		}
		return owner;
	}

	public File log() {
		return Path.of("target", "two-nodes", this.name + ".log").toFile();
	}

}
