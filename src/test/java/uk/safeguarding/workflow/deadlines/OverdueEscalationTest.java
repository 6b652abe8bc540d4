package uk.safeguarding.workflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.safeguarding.NotificationView;

/**
 * An overdue step escalates to the case's supervisor, then, still overdue one working day
 * later, to managers; once per task and level, recorded on the task and the case.
 */
@SharedApplicationTest
class OverdueEscalationTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	TestRestTemplate rest;

	@Autowired
	OverdueEscalation escalation;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	EscalationSettings settings;

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void anOverdueStep_escalatesToTheSupervisorOnce_thenToManagersAWorkingDayLater() {
		Map<String, Object> report = JourneyFixtures.adultReport();
		LocalDateTime identified = LocalDateTime.now(ZoneId.of("Europe/London"))
			.minusHours(3)
			.truncatedTo(ChronoUnit.MINUTES);
		report.put("identifiedAt", identified.toString());
		Map<String, Object> started = new RestJourney(this.rest).start("officer", report).getBody();
		String reference = (String) started.get("businessKey");
		String id = (String) started.get("id");
		String safeguarding = this.tasks.createTaskQuery()
			.processInstanceId(id)
			.taskDefinitionKey(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING)
			.singleResult()
			.getId();

		this.escalation.sweep(id);
		assertThat(escalations(reference)).as("immediate safeguarding was due 2 hours after identification")
			.extracting(NotificationView::recipient, NotificationView::occasion)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("supervisor@police.example.org",
					"overdue-" + safeguarding + "-level-1"));
		assertThat(this.tasks.getVariableLocal(safeguarding, OverdueEscalation.ESCALATION_LEVEL)).isEqualTo(1);

		assertThat(this.escalation.dueForEscalation(id, Instant.now()))
			.as("overdue still, but nothing due until the managers' time: the sweep passes it by")
			.isEmpty();
		this.escalation.sweep(id);
		assertThat(escalations(reference)).as("once per task and level").hasSize(1);

		// still overdue more than one working day after its due date (whatever the bank
		// holidays):
		// the managers. The due date is moved back rather than the clock forward, which
		// would wake
		// every timer of every case.
		var task = this.tasks.createTaskQuery().taskId(safeguarding).singleResult();
		task.setDueDate(Date.from(Instant.now().minus(7, ChronoUnit.DAYS)));
		this.tasks.saveTask(task);
		assertThat(this.escalation.dueForEscalation(id, Instant.now())).extracting(Task::getId)
			.as("the managers' time has come")
			.containsExactly(safeguarding);
		this.escalation.sweep(id);
		assertThat(escalations(reference)).extracting(NotificationView::recipient, NotificationView::occasion)
			.contains(org.assertj.core.groups.Tuple.tuple("manager@police.example.org",
					"overdue-" + safeguarding + "-level-2"));
		assertThat(this.tasks.getVariableLocal(safeguarding, OverdueEscalation.ESCALATION_LEVEL)).isEqualTo(2);
		int afterManagers = escalations(reference).size();
		assertThat(this.escalation.dueForEscalation(id, Instant.now())).as("every level reached").isEmpty();
		this.escalation.sweep(id);
		assertThat(escalations(reference)).as("no level is escalated twice").hasSize(afterManagers);
	}

	@Test
	void eachStepReachesManagersWhenItsRowSays_onlyThoseCoveringTheArea_withLinksToTheStepAndTheCase()
			throws Exception {
		User second = this.identity.newUser("cardiffmanager");
		second.setEmail("cardiffmanager@police.example.org");
		second.setPassword(RestJourney.PASSWORD);
		this.identity.saveUser(second);
		this.identity.createMembership("cardiffmanager", "managers");
		this.settings.setManagerAreas(Map.of("manager", List.of("E06000001"), "cardiffmanager", List.of("W06000015")));
		try {
			// immediate risk, identified 10 minutes ago: immediate safeguarding is due in
			// 20
			// minutes, managers 30 minutes after that; recording the crime is due 24
			// hours
			// after the report, managers 4 hours after that
			Instant start = Instant.now();
			Map<String, Object> report = JourneyFixtures.adultReport();
			report.put("immediateRisk", true);
			report.put("identifiedAt",
					LocalDateTime.ofInstant(start.minus(10, ChronoUnit.MINUTES), LONDON)
						.truncatedTo(ChronoUnit.MINUTES)
						.toString());
			Map<String, Object> started = new RestJourney(this.rest).start("officer", report).getBody();
			String reference = (String) started.get("businessKey");
			String id = (String) started.get("id");
			String safeguarding = taskId(id, UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
			String crime = taskId(id, UserTasks.RECORD_CRIME);
			Instant safeguardingDue = this.tasks.createTaskQuery()
				.taskId(safeguarding)
				.singleResult()
				.getDueDate()
				.toInstant();

			at(safeguardingDue.minus(1, ChronoUnit.MINUTES), id);
			assertThat(escalations(reference)).as("not yet due").isEmpty();

			at(safeguardingDue.plus(1, ChronoUnit.MINUTES), id);
			assertThat(occasions(reference)).containsExactly("overdue-" + safeguarding + "-level-1");

			at(safeguardingDue.plus(29, ChronoUnit.MINUTES), id);
			assertThat(occasions(reference)).as("managers are told 30 minutes after a 30-minute step's due date")
				.containsExactly("overdue-" + safeguarding + "-level-1");

			at(safeguardingDue.plus(31, ChronoUnit.MINUTES), id);
			assertThat(escalations(reference)).filteredOn((view) -> view.occasion().endsWith("-level-2"))
				.as("only the manager who covers Cardiff")
				.extracting(NotificationView::recipient)
				.containsExactly("cardiffmanager@police.example.org");

			Instant crimeDue = this.tasks.createTaskQuery().taskId(crime).singleResult().getDueDate().toInstant();
			at(crimeDue.plus(3, ChronoUnit.HOURS).plus(59, ChronoUnit.MINUTES), id);
			assertThat(occasions(reference)).contains("overdue-" + crime + "-level-1")
				.doesNotContain("overdue-" + crime + "-level-2");
			at(crimeDue.plus(4, ChronoUnit.HOURS).plus(1, ChronoUnit.MINUTES), id);
			assertThat(occasions(reference)).as("crime recording: managers within hours, not a working day")
				.contains("overdue-" + crime + "-level-2");

			// the job executor delivers the notices (no sleeping: wait for each incoming
			// email until the one to the Cardiff manager about the crime arrives)
			ClockUtil.reset();
			String body = null;
			long deadline = System.currentTimeMillis() + 60_000;
			while (body == null && System.currentTimeMillis() < deadline) {
				MimeMessage[] received = mail.getReceivedMessages();
				for (MimeMessage message : received) {
					if (message.getSubject().contains(reference) && message.getSubject().contains("Record crime")
							&& GreenMailUtil.getAddressList(message.getAllRecipients())
								.contains("cardiffmanager@police.example.org")) {
						body = message.getContent().toString();
					}
				}
				if (body == null) {
					mail.waitForIncomingEmail(2_000, received.length + 1);
				}
			}
			assertThat(body).as("the managers' email about recording the crime")
				.contains("/camunda/app/tasklist/default/#/?task=" + crime, "/cases/" + reference,
						"Tasklist → Overdue on my cases", "4 hours after its due date")
				.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		}
		finally {
			ClockUtil.reset();
			this.settings.setManagerAreas(Map.of());
			this.identity.deleteUser("cardiffmanager");
		}
	}

	@Test
	void sweepsRunningAtTheSameMoment_asOnTwoNodes_escalateOnce_withNoErrorOrRollback() throws Exception {
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("identifiedAt", LocalDateTime.now(LONDON).minusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
		Map<String, Object> started = new RestJourney(this.rest).start("officer", report).getBody();
		String reference = (String) started.get("businessKey");
		String id = (String) started.get("id");

		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		root.addAppender(logged);
		int sweeps = 3;
		ExecutorService nodes = Executors.newFixedThreadPool(sweeps);
		try {
			CyclicBarrier sameMoment = new CyclicBarrier(sweeps);
			List<Future<Integer>> stored = new java.util.ArrayList<>();
			for (int i = 0; i < sweeps; i++) {
				stored.add(nodes.submit(() -> {
					sameMoment.await(10, TimeUnit.SECONDS);
					return this.escalation.sweep(id);
				}));
			}
			int total = 0;
			for (Future<Integer> each : stored) {
				total += each.get(60, TimeUnit.SECONDS);
			}
			assertThat(total).as("notices stored by all the sweeps together").isOne();
		}
		finally {
			nodes.shutdownNow();
			root.detachAppender(logged);
		}
		assertThat(escalations(reference)).as("the supervisor is told once").hasSize(1);
		assertThat(logged.list).as("warnings and errors while the sweeps ran together")
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	private void at(Instant instant, String processInstanceId) {
		ClockUtil.setCurrentTime(Date.from(instant));
		this.escalation.sweep(processInstanceId);
	}

	private String taskId(String processInstanceId, String step) {
		return this.tasks.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(step)
			.singleResult()
			.getId();
	}

	private List<String> occasions(String reference) {
		return escalations(reference).stream().map(NotificationView::occasion).toList();
	}

	@Test
	void anOverdueHomeOfficeDecision_isChasedOncePerChaseInterval_andTheSweepPassesItByBetween() {
		RestJourney as = new RestJourney(this.rest);
		Map<String, Object> started = as.start("officer", JourneyFixtures.adultReport()).getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		for (String[] step : JourneyFixtures.adultWithConsentUntil(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)) {
			as.completeStep(step[0], id, step[1], JourneyFixtures.answers(step[1]));
		}
		Task decision = this.tasks.createTaskQuery()
			.processInstanceId(id)
			.taskDefinitionKey(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.singleResult();
		decision.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
		this.tasks.saveTask(decision);
		assertThat(this.escalation.dueForEscalation(id, Instant.now())).extracting(Task::getId)
			.as("overdue and never chased")
			.contains(decision.getId());

		this.escalation.sweep(id);
		assertThat(escalations(reference)).extracting(NotificationView::occasion)
			.contains("chase-" + decision.getId() + "-1")
			.doesNotContain("chase-" + decision.getId() + "-2");
		assertThat(this.escalation.dueForEscalation(id, Instant.now())).extracting(Task::getId)
			.as("chased; the next chase is not due yet")
			.doesNotContain(decision.getId());

		this.tasks.setVariableLocal(decision.getId(), "nextChaseAt", Date.from(Instant.now().minusSeconds(60)));
		assertThat(this.escalation.dueForEscalation(id, Instant.now())).extracting(Task::getId)
			.as("the chase interval has passed")
			.contains(decision.getId());
		this.escalation.sweep(id);
		assertThat(escalations(reference)).extracting(NotificationView::occasion)
			.contains("chase-" + decision.getId() + "-2");
	}

	private List<NotificationView> escalations(String reference) {
		return this.outbox.forCase(reference).stream().filter((view) -> "ESCALATION".equals(view.notice())).toList();
	}

}
