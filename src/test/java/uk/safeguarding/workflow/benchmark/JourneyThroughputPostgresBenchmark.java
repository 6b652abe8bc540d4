package uk.safeguarding.workflow.benchmark;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journey benchmark on PostgreSQL 17 (Maven Central's embedded binaries, as
 * PostgresJourneyTest uses): the product on one database, the bare engine on another of
 * the same server. Run with {@code mvn -B test -Pjourney-benchmark}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "SAFEGUARDING_DEMO_PASSWORD=" + JourneyBenchmarkRun.PASSWORD, "spring.mail.host=127.0.0.1",
				"spring.mail.port=3025", "safeguarding.local-mail.enabled=false" })
class JourneyThroughputPostgresBenchmark extends JourneyBenchmarkRun {

	static final EmbeddedPostgres POSTGRES = start();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database product");
				statement.execute("create database bare");
			}
			return postgres;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL", ex);
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "product"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		// after the context: @DirtiesContext closes it after the class, this runs later
		// in a shutdown hook
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				POSTGRES.close();
			}
			catch (IOException ex) {
				// the JVM is exiting
			}
		}));
	}

	@Override
	String database() {
		return "PostgreSQL";
	}

	@Override
	long databaseBytes() {
		return size(POSTGRES.getDatabase("postgres", "product"));
	}

	@Override
	ProcessEngine bareEngine() {
		return JourneyThroughput.bareEngine("bare-journeys", POSTGRES.getJdbcUrl("postgres", "bare"), "postgres",
				"postgres");
	}

	@Override
	LongSupplier bareDatabaseBytes(ProcessEngine bare) {
		return () -> size(POSTGRES.getDatabase("postgres", "bare"));
	}

	static long size(DataSource database) {
		try (Connection connection = database.getConnection();
				Statement statement = connection.createStatement();
				ResultSet size = statement.executeQuery("select pg_database_size(current_database())")) {
			size.next();
			return size.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
