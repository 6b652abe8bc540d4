package uk.safeguarding.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

import uk.safeguarding.workflow.deadlines.StepDeadlines;
import uk.safeguarding.workflow.deadlines.WorkingDayCalendar;
import uk.safeguarding.workflow.deadlines.process.DeadlinesEnginePlugin;
import uk.safeguarding.workflow.deadlines.process.EngineStepDeadlines;
import uk.safeguarding.workflow.deadlines.process.StepTimers;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.HubRoute;
import uk.safeguarding.workflow.safeguarding.Notice;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.SafeguardingNotifier;
import uk.safeguarding.workflow.safeguarding.process.AlertSupervisorsDelegate;
import uk.safeguarding.workflow.safeguarding.process.NotifySafeguardingHubDelegate;
import uk.safeguarding.workflow.safeguarding.process.ReferToIctgDelegate;
import uk.safeguarding.workflow.victimcase.process.AgeAssessment;
import uk.safeguarding.workflow.victimcase.process.ConsentWithdrawal;
import uk.safeguarding.workflow.victimcase.process.JourneyStart;
import uk.safeguarding.workflow.victimcase.process.StartReport;

/**
 * The process engine alone, with the product's engine plugins and the models exactly as
 * they stand in {@code bpmn/} and {@code forms/}. The Spring beans the model calls are
 * stood in for by recording fakes, so each path can be tested in milliseconds; the
 * notices are asked for by the product's own delegates, of a notifier that records.
 */
public final class JourneyTestEngine {

	/** Areas the fake directory knows: code to (ICTG service, secure MASH channel). */
	public static final Map<String, boolean[]> AREAS = Map.of("W06000015", new boolean[] { true, false }, // Cardiff
			"E06000001", new boolean[] { false, false }, // Hartlepool: no ICTG service
			"E09000030", new boolean[] { true, true }); // Tower Hamlets: secure MASH
														// channel in tests

	/** Every notice the fakes were asked to send: "activityId:notice". */
	public static final List<String> SENT = new CopyOnWriteArrayList<>();

	private static final AtomicInteger NEXT_CASE = new AtomicInteger();

	private JourneyTestEngine() {
	}

	/**
	 * The engine alone, with the models deployed.
	 * @param name the engine's name (and its in-memory database's)
	 * @return the engine
	 */
	public static ProcessEngine build(String name) {
		ProcessEngine engine = plainConfiguration(name).buildProcessEngine();
		deployModels(engine);
		return engine;
	}

	/**
	 * The engine's configuration, with camunda-process-test-coverage's listeners, which
	 * record what each test walks of the models (ProcessEngineCoverageExtension).
	 * @param name the engine's name (and its in-memory database's)
	 * @return the configuration, to build the engine from
	 */
	public static ProcessEngineConfigurationImpl configuration(String name) {
		ProcessEngineConfigurationImpl configuration = plainConfiguration(name);
		ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
		return configuration;
	}

	/**
	 * The engine's configuration without the coverage listeners, for tests that do not
	 * run under ProcessEngineCoverageExtension (its listeners refuse to run without it).
	 */
	private static ProcessEngineConfigurationImpl plainConfiguration(String name) {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJdbcUrl("jdbc:h2:mem:engine-only-" + name + ";DB_CLOSE_DELAY=-1");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setExpressionManager(new MockExpressionManager());
		List<ProcessEnginePlugin> plugins = new ArrayList<>();
		plugins.add(new JourneyEnginePlugin(List.of(), List.of()));
		plugins.add(new DeadlinesEnginePlugin());
		// as in the application (camunda-engine-plugin-spin): the forms' server-fed lists
		// are JSON variables
		plugins.add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
		configuration.setProcessEnginePlugins(plugins);
		return configuration;
	}

	public static void deployModels(ProcessEngine engine) {
		DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("models as they stand");
		for (String folder : List.of("bpmn", "forms")) {
			if (!Files.isDirectory(Path.of(folder))) {
				// an empty folder is not kept by git: nothing to deploy from it
				continue;
			}
			try (Stream<Path> files = Files.list(Path.of(folder))) {
				for (Path file : files.filter((f) -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
					InputStream in = Files.newInputStream(file);
					deployment.addInputStream(file.getFileName().toString(), in);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		deployment.deploy();
	}

	/**
	 * Stands in for the Spring beans the model calls, recording what they were asked to
	 * do.
	 */
	public static void registerFakes() {
		SENT.clear();
		JourneyPolicy policy = new JourneyPolicy();
		Mocks.register("openVictimCaseDelegate", (JavaDelegate) (execution) -> {
			var now = JourneyTime.now();
			StartReport report = StartReport.read(execution,
					(String) execution.getVariable(Variables.REPORTING_OFFICER), execution.getProcessInstanceId(), now);
			boolean[] area = AREAS.get(report.newCase().areaCode());
			if (area == null) {
				throw new SafeguardingRuleViolation(Variables.AREA_CODE,
						"Area code '" + report.newCase().areaCode() + "' is not in the safeguarding directory.");
			}
			String reference = String.format("MSHT-2026-%06d", NEXT_CASE.incrementAndGet());
			JourneyStart.initialise(execution, reference, report, area[0], area[1], policy, now);
		});
		Mocks.register("recordPathwayListener", (ExecutionListener) (execution) -> {
		});
		// the product's own delegates, with a notifier that records what they ask of it
		Mocks.register("notifySafeguardingHubDelegate",
				(JavaDelegate) (execution) -> new NotifySafeguardingHubDelegate(new RecordingNotifier(execution))
					.execute(execution));
		Mocks.register("referToIctgDelegate",
				(JavaDelegate) (execution) -> new ReferToIctgDelegate(new RecordingNotifier(execution))
					.execute(execution));
		// the real timer bean (no fake): timers read step-deadlines as in the product
		Mocks.register(StepTimers.BEAN_NAME,
				new StepTimers(new EngineStepDeadlines(new StepDeadlines(new WorkingDayCalendar()))));
		Mocks.register("alertSupervisorsDelegate",
				(JavaDelegate) (execution) -> new AlertSupervisorsDelegate(new RecordingNotifier(execution))
					.execute(execution));
		Mocks.register("recordAgeAssessmentDelegate", (JavaDelegate) (execution) -> {
			boolean adult = AgeAssessment.assessedAdult(execution);
			AgeAssessment.apply(execution, AgeAssessment.change(execution, adult));
		});
		AtomicInteger episodes = new AtomicInteger();
		Map<String, Integer> openEpisodes = new ConcurrentHashMap<>();
		Mocks.register("missingEpisodeListener", (ExecutionListener) (execution) -> {
			int episode = episodes.incrementAndGet();
			openEpisodes.put(execution.getProcessInstanceId(), episode);
			execution.setVariableLocal(Variables.MISSING_EPISODE, episode);
		});
		// the case record's rules, kept in memory: found closes the open episodes, and
		// is refused when none is open; a withdrawal needs a consent that stands
		Mocks.register("victimFoundListener", (ExecutionListener) (execution) -> {
			Integer episode = openEpisodes.remove(execution.getProcessInstanceId());
			if (episode == null) {
				throw new SafeguardingRuleViolation(Messages.VICTIM_FOUND,
						"No missing episode is open on this case: report the person missing first.");
			}
			execution.setVariableLocal(Variables.MISSING_EPISODE, episode);
		});
		Set<String> withdrawn = ConcurrentHashMap.newKeySet();
		Mocks.register("recordConsentWithdrawalDelegate", (JavaDelegate) (execution) -> {
			String latest = withdrawn.contains(execution.getProcessInstanceId()) ? "WITHDRAWN"
					: (String) execution.getVariable(Variables.NRM_CONSENT);
			ConsentWithdrawal.check(execution, latest);
			withdrawn.add(execution.getProcessInstanceId());
		});
	}

	/**
	 * A directory entry with the facts the fake directory gave the journey at its start
	 * ({@link #AREAS}).
	 */
	static SafeguardingArea area(boolean ictgService, boolean secureEmail) {
		return new SafeguardingArea("E06000001", "Test area", "mash@test-area.example.gov.uk",
				"adults@test-area.example.gov.uk", ictgService, ictgService ? "ictg@example.org" : null, false,
				secureEmail);
	}

	/**
	 * Stands in for the product's notifier behind its delegates: records each notice
	 * asked for ("activityId:notice"), with the case's reference checked, and answers as
	 * the notifier does from what the case record would hold: its pathway and needs (the
	 * journey's variables here) and its area's directory entry ({@link #AREAS}), through
	 * the product's own routing rule ({@link HubRoute}).
	 */
	static final class RecordingNotifier extends SafeguardingNotifier {

		private final DelegateExecution execution;

		RecordingNotifier(DelegateExecution execution) {
			super(null, null, null, null, null);
			this.execution = execution;
		}

		@Override
		public boolean notifyHub(String reference, Notice notice, String occasion, String processInstanceId) {
			record(reference, notice, processInstanceId);
			HubRoute route = HubRoute.of("CHILD".equals(this.execution.getVariable(Variables.PATHWAY)),
					Boolean.TRUE.equals(this.execution.getVariable(Variables.CARE_AND_SUPPORT_NEEDS)),
					area(Boolean.TRUE.equals(this.execution.getVariable(Variables.ICTG_AREA)),
							Boolean.TRUE.equals(this.execution.getVariable(Variables.MASH_SECURE_CHANNEL))));
			return route.childrensServicesKnow();
		}

		@Override
		public void referToIctg(String reference, Notice notice, String occasion, String processInstanceId) {
			record(reference, notice, processInstanceId);
		}

		@Override
		public int alertSupervisors(String reference, String supervisorsGroup, String processInstanceId) {
			record(reference, Notice.IMMEDIATE_RISK, processInstanceId);
			return 1;
		}

		private void record(String reference, Notice notice, String processInstanceId) {
			if (!this.execution.getProcessBusinessKey().equals(reference)
					|| !this.execution.getProcessInstanceId().equals(processInstanceId)) {
				throw new AssertionError("a notice asked for another case: " + reference + " " + processInstanceId);
			}
			SENT.add(this.execution.getCurrentActivityId() + ":" + notice);
		}

	}

}
