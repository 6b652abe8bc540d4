package uk.safeguarding.workflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The journey benchmark on H2 (issue 12 item 6), the product's database in a file so that
 * its size per closed journey can be read. Not part of {@code mvn verify} (its name ends
 * in "Benchmark"); run with {@code mvn -B test -Pjourney-benchmark}
 * (docs/performance.md).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:./target/journey-benchmark/product;DB_CLOSE_DELAY=-1"
				+ JourneyThroughputBenchmark.H2_SETTINGS,
		"SAFEGUARDING_DEMO_PASSWORD=" + JourneyBenchmarkRun.PASSWORD, "spring.mail.host=127.0.0.1",
		"spring.mail.port=3025", "safeguarding.local-mail.enabled=false" })
class JourneyThroughputBenchmark extends JourneyBenchmarkRun {

	/**
	 * Both databases, the product's and the bare engine's, with the same settings: H2's
	 * cache of parsed statements per connection holds 8 by default, fewer than the
	 * distinct statements of one step (the engine's, Hibernate's, the authorization
	 * checks'), so nearly every statement was parsed anew (a seventh of the product's CPU
	 * samples, an eighth of the bare engine's). The local profile's database has the same
	 * setting (application-local.yaml).
	 */
	static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=256";

	static final Path FOLDER = fresh(Path.of("target", "journey-benchmark"));

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	static Path fresh(Path folder) {
		try {
			if (Files.isDirectory(folder)) {
				try (var files = Files.list(folder)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
			}
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	String database() {
		return "H2";
	}

	@Override
	long databaseBytes() {
		this.jdbc.execute("CHECKPOINT");
		return size(FOLDER.resolve("product.mv.db"));
	}

	@Override
	ProcessEngine bareEngine() {
		return JourneyThroughput.bareEngine("bare-journeys",
				"jdbc:h2:file:" + FOLDER.toAbsolutePath().resolve("bare") + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS, "sa",
				"");
	}

	@Override
	LongSupplier bareDatabaseBytes(ProcessEngine bare) {
		return () -> size(FOLDER.resolve("bare.mv.db"));
	}

	static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
