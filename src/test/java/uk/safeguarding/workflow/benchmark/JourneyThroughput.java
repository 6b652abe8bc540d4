package uk.safeguarding.workflow.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;

import uk.safeguarding.workflow.benchmark.JourneyMix.Journey;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.JourneyTestEngine;

/**
 * Replays journeys of the national mix through one way in (the product in-process, a bare
 * engine, engine REST) with a number of concurrent clients, and measures them; then
 * checks that every journey reached its expected end by its expected way.
 */
public final class JourneyThroughput {

	/**
	 * Journeys of national volume in 2025: 23,411 NRM referrals and 7,130 Duty to Notify.
	 */
	public static final int YEAR = 30_541;

	private JourneyThroughput() {
	}

	/** The figures of one run, and the journeys that went wrong. */
	public record Figures(String name, String database, int clients, int journeys, double seconds, int completions,
			String complete, String caseSteps, String taskList, long peakHeapMb, Long bytesPerJourney, int conflicts,
			List<String> failures, List<String> kinds) {

		public double journeysPerSecond() {
			return this.journeys / this.seconds;
		}

		static String header() {
			return "| run | database | clients | journeys | seconds | journeys/s | steps/s | complete-task p50/p95/p99 ms "
					+ "| case's steps query p50/p95/p99 ms | task list (newest 15) p50/p95/p99 ms | peak heap MB "
					+ "| DB KB per closed journey | steps refused as concurrent (tried again) |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
		}

		public String row() {
			return String.format("| %s | %s | %d | %d | %.1f | %.2f | %.1f | %s | %s | %s | %d | %s | %d |", this.name,
					this.database, this.clients, this.journeys, this.seconds, journeysPerSecond(),
					this.completions / this.seconds, this.complete, this.caseSteps, this.taskList, this.peakHeapMb,
					(this.bytesPerJourney == null) ? "-" : String.valueOf(this.bytesPerJourney / 1024), this.conflicts);
		}

	}

	/**
	 * A bare engine: the same models, no product plugin or listener, the model's beans
	 * stood in for by the recording fakes of {@link JourneyTestEngine} (which set only
	 * what the model's gateways read), full history, authorization off, no job executor.
	 * The fakes are registered on the calling thread: drive it from that thread only.
	 */
	public static ProcessEngine bareEngine(String name, String jdbcUrl, String user, String password) {
		return bareEngine(name, jdbcUrl, user, password, ProcessEngineConfiguration.HISTORY_FULL);
	}

	/**
	 * A bare engine with another history level (the benchmark's variants that show what
	 * the bare engine's own time goes on).
	 */
	public static ProcessEngine bareEngine(String name, String jdbcUrl, String user, String password, String history) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl(jdbcUrl);
		configuration.setJdbcUsername(user);
		configuration.setJdbcPassword(password);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(history);
		configuration.setJobExecutorActivate(false);
		configuration.setExpressionManager(new MockExpressionManager());
		// the product's group ids have hyphens ("first-responders"), as its own engine
		// allows
		configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+");
		ProcessEngine engine = configuration.buildProcessEngine();
		JourneyTestEngine.deployModels(engine);
		JourneyFixtures.createPeople(engine);
		JourneyTestEngine.registerFakes();
		return engine;
	}

	/** Closes a bare engine and forgets its fakes. */
	public static void close(ProcessEngine bare) {
		Mocks.reset();
		bare.close();
	}

	/**
	 * Replays the journeys and measures them.
	 * @param name the run's name, for the table
	 * @param database the database's name, for the table
	 * @param api the way in (shared by the clients: it must be safe across threads when
	 * clients &gt; 1)
	 * @param journeys the journeys
	 * @param clients how many clients drive them at once (1: on the calling thread)
	 * @param management the engine whose job executor must have finished the journeys'
	 * jobs before the clock stops, or null
	 * @param databaseBytes the database's size, or null
	 * @return the figures
	 */
	public static Figures run(String name, String database, JourneyApi api, List<Journey> journeys, int clients,
			ManagementService management, LongSupplier databaseBytes) throws Exception {
		return run(name, database, api, journeys, clients, management, databaseBytes, true);
	}

	/**
	 * As
	 * {@link #run(String, String, JourneyApi, List, int, ManagementService, LongSupplier)};
	 * {@code taskLists} false leaves out each person's task list before each step (a
	 * variant of the bare engine's run, to show what the harness's own queries cost).
	 */
	public static Figures run(String name, String database, JourneyApi api, List<Journey> journeys, int clients,
			ManagementService management, LongSupplier databaseBytes, boolean taskLists) throws Exception {
		JourneyRunner runner = new JourneyRunner();
		runner.taskLists = taskLists;
		List<String> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(journeys.size(), null)));
		long bytesBefore = (databaseBytes == null) ? 0 : databaseBytes.getAsLong();
		HeapPeak heap = HeapPeak.start();
		Profile profile = Profile.start(name, database, clients);
		long started = System.nanoTime();
		AtomicInteger next = new AtomicInteger();
		Runnable client = () -> {
			for (int i = next.getAndIncrement(); i < journeys.size(); i = next.getAndIncrement()) {
				ids.set(i, runner.run(api, journeys.get(i)));
				JourneyTestEngine.SENT.clear();
			}
		};
		if (clients == 1) {
			client.run();
		}
		else {
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(client));
			}
			for (Future<?> each : running) {
				each.get();
			}
			pool.shutdown();
			pool.awaitTermination(1, TimeUnit.MINUTES);
		}
		if (management != null) {
			awaitJobs(management, ids);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		profile.stop();
		long peak = heap.stop();
		Long perJourney = (databaseBytes == null) ? null
				: (databaseBytes.getAsLong() - bytesBefore) / Math.max(1, journeys.size());
		List<String> failures = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		for (int i = 0; i < journeys.size(); i++) {
			Journey journey = journeys.get(i);
			String problem = JourneyMix.check(journey, api.endActivity(ids.get(i)), api.createdSteps(ids.get(i)));
			if (problem != null) {
				failures.add(problem);
			}
			else if (!kinds.contains(journey.kind())) {
				kinds.add(journey.kind());
			}
		}
		return new Figures(name, database, clients, journeys.size(), seconds, runner.completions.get(),
				runner.complete.percentiles(), runner.caseSteps.percentiles(), runner.taskList.percentiles(),
				peak / (1024 * 1024), perJourney, runner.conflicts.get(), failures, kinds);
	}

	/**
	 * Waits (at most two minutes in all) for the job executor to run the due jobs of
	 * these journeys (their notices); other work of the engine is not waited for.
	 */
	static void awaitJobs(ManagementService management, List<String> ids) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		for (String id : ids) {
			while (management.createJobQuery().processInstanceId(id).executable().count() > 0
					&& System.nanoTime() < until) {
				Thread.sleep(20);
			}
		}
	}

	public static String header() {
		return Figures.header();
	}

	/**
	 * With {@code -Dbenchmark.jfr=on}, a JDK Flight Recording of one measured run (the
	 * "profile" settings: CPU samples every 10-20 ms) in
	 * {@code target/journey-<database>-<run>-<clients>.jfr}; warm-ups are not recorded.
	 */
	static final class Profile {

		private final jdk.jfr.Recording recording;

		private final java.nio.file.Path file;

		private Profile(jdk.jfr.Recording recording, java.nio.file.Path file) {
			this.recording = recording;
			this.file = file;
		}

		static Profile start(String name, String database, int clients) throws Exception {
			if (!"on".equals(System.getProperty("benchmark.jfr")) || name.startsWith("warm-up")) {
				return new Profile(null, null);
			}
			jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
			recording.start();
			String file = "journey-" + database + "-" + name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + clients + ".jfr";
			return new Profile(recording, java.nio.file.Path.of("target", file.toLowerCase(java.util.Locale.ROOT)));
		}

		void stop() throws java.io.IOException {
			if (this.recording != null) {
				this.recording.stop();
				this.recording.dump(this.file);
				this.recording.close();
			}
		}

	}

	/** The most heap in use while it ran, sampled every 20 ms. */
	static final class HeapPeak {

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running = true;

		private Thread sampler;

		static HeapPeak start() {
			HeapPeak heap = new HeapPeak();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			heap.sampler = new Thread(() -> {
				while (heap.running) {
					heap.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-peak");
			heap.sampler.setDaemon(true);
			heap.sampler.start();
			return heap;
		}

		long stop() throws InterruptedException {
			this.running = false;
			this.sampler.join();
			return this.peak.get();
		}

	}

}
