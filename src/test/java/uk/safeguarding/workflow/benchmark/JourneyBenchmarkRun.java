package uk.safeguarding.workflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.safeguarding.workflow.benchmark.JourneyThroughput.Figures;

/**
 * The journey benchmark's run, on the database its subclass gives the product: the
 * product in-process, the same journeys on a bare engine, then engine REST with 1, 2 and
 * 4 clients. Prints a table; fails only if a journey did not reach its expected end.
 */
abstract class JourneyBenchmarkRun {

	static final String PASSWORD = "Journey-Bench-Pa55!";

	static final int JOURNEYS = Integer.getInteger("benchmark.journeys", 300);

	static final int REST_JOURNEYS = Integer.getInteger("benchmark.rest.journeys", 100);

	static final int WARM_UP = Integer.getInteger("benchmark.warmup", 30);

	/**
	 * The numbers of concurrent REST clients, one run each
	 * ({@code -Dbenchmark.rest.clients=4} for a shorter run comparing two versions on a
	 * loaded machine).
	 */
	static final int[] REST_CLIENTS = java.util.Arrays
		.stream(System.getProperty("benchmark.rest.clients", "1,2,4").split(","))
		.map(String::trim)
		.filter((each) -> !each.isEmpty())
		.mapToInt(Integer::parseInt)
		.toArray();

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	abstract String database();

	/** The product's database's size in bytes. */
	abstract long databaseBytes();

	/** A bare engine on the same kind of database, empty. */
	abstract ProcessEngine bareEngine();

	/** The bare engine's database's size in bytes. */
	abstract LongSupplier bareDatabaseBytes(ProcessEngine bare);

	@Test
	void journeysOfTheNationalMix() throws Exception {
		List<Figures> figures = new ArrayList<>();
		EngineApi product = new EngineApi(this.engine, false);
		var management = this.engine.getManagementService();
		JourneyThroughput.run("warm-up", database(), product, JourneyMix.of(WARM_UP, 7), 1, management, null);
		Figures inProcess = JourneyThroughput.run("product in-process", database(), product,
				JourneyMix.of(JOURNEYS, 42), 1, management, this::databaseBytes);
		figures.add(inProcess);

		ProcessEngine bare = bareEngine();
		Figures bareFigures;
		try {
			EngineApi bareApi = new EngineApi(bare, true);
			JourneyThroughput.run("warm-up", database(), bareApi, JourneyMix.of(WARM_UP, 7), 1, null, null);
			bareFigures = JourneyThroughput.run("bare engine", database(), bareApi, JourneyMix.of(JOURNEYS, 42), 1,
					null, bareDatabaseBytes(bare));
			figures.add(bareFigures);
		}
		finally {
			JourneyThroughput.close(bare);
		}
		if (Boolean.getBoolean("benchmark.bare.variants")) {
			figures.addAll(bareVariants());
		}

		RestApi rest = new RestApi("http://127.0.0.1:" + this.port, PASSWORD, product);
		JourneyThroughput.run("warm-up", database(), rest, JourneyMix.of(WARM_UP, 7), 2, management, null);
		for (int clients : REST_CLIENTS) {
			figures.add(JourneyThroughput.run("product over REST", database(), rest,
					JourneyMix.of(REST_JOURNEYS, 100 + clients), clients, management, null));
		}

		StringBuilder table = new StringBuilder("\njourney benchmark (" + database() + "):\n")
			.append(JourneyThroughput.header())
			.append('\n');
		figures.forEach((each) -> table.append(each.row()).append('\n'));
		table.append(String.format(
				"product in-process / bare engine: %.2f (1 : %.2f); a year of national volume (%,d journeys) "
						+ "in-process at this rate: %.1f min (extrapolated from %d)%n",
				inProcess.journeysPerSecond() / bareFigures.journeysPerSecond(),
				bareFigures.journeysPerSecond() / inProcess.journeysPerSecond(), JourneyThroughput.YEAR,
				JourneyThroughput.YEAR / inProcess.journeysPerSecond() / 60, inProcess.journeys()));
		table.append("load average at the end: ").append(loadAverage()).append('\n');
		System.out.println(table);
		for (Figures each : figures) {
			assertThat(each.failures()).as("%s: journeys that did not reach their expected end", each.name()).isEmpty();
		}
	}

	/**
	 * {@code -Dbenchmark.bare.variants=true}: the bare engine again on H2 in memory (no
	 * file), then with activity history only (no variable history), then also without the
	 * people's task lists: what its own time goes on, next to the 40 journeys/s
	 * of a bare engine without any of these.
	 */
	static List<Figures> bareVariants() throws Exception {
		List<Figures> variants = new ArrayList<>();
		String[][] runs = { { "bare engine, H2 in memory", "full", "lists" },
				{ "bare engine, H2 in memory, activity history", "activity", "lists" },
				{ "bare engine, H2 in memory, activity history, no task lists", "activity", "" } };
		int n = 0;
		for (String[] run : runs) {
			n++;
			ProcessEngine variant = JourneyThroughput.bareEngine("bare-variant-" + n,
					"jdbc:h2:mem:bare-variant-" + n + ";DB_CLOSE_DELAY=-1", "sa", "", run[1]);
			try {
				EngineApi api = new EngineApi(variant, true);
				boolean lists = !run[2].isEmpty();
				JourneyThroughput.run("warm-up", "H2", api, JourneyMix.of(WARM_UP, 7), 1, null, null, lists);
				variants
					.add(JourneyThroughput.run(run[0], "H2", api, JourneyMix.of(JOURNEYS, 42), 1, null, null, lists));
			}
			finally {
				JourneyThroughput.close(variant);
			}
		}
		return variants;
	}

	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException ex) {
			return String
				.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

}
