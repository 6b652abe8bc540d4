package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import uk.safeguarding.workflow.deadlines.OverdueEscalation;
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
		this.escalation.sweep(id);
		assertThat(escalations(reference)).extracting(NotificationView::recipient, NotificationView::occasion)
			.contains(org.assertj.core.groups.Tuple.tuple("manager@police.example.org",
					"overdue-" + safeguarding + "-level-2"));
		assertThat(this.tasks.getVariableLocal(safeguarding, OverdueEscalation.ESCALATION_LEVEL)).isEqualTo(2);
		int afterManagers = escalations(reference).size();
		this.escalation.sweep(id);
		assertThat(escalations(reference)).as("no level is escalated twice").hasSize(afterManagers);
	}

	private List<NotificationView> escalations(String reference) {
		return this.outbox.forCase(reference).stream().filter((view) -> "ESCALATION".equals(view.notice())).toList();
	}

}
