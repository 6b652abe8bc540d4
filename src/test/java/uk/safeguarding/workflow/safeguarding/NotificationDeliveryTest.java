package uk.safeguarding.workflow.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.CrashBetweenSendAndRecord;
import uk.safeguarding.workflow.DeliveryJobs;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.ServiceTasks;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The notification outbox against real SMTP conversations: content per notice type, what
 * non-secure and secure recipients receive, and the faults of issue 3, each ending in
 * exactly one delivery. The job executor is paused so that each attempt is an explicit
 * job execution (no waiting for back-off).
 */
@SharedApplicationTest
class NotificationDeliveryTest {

	static final String CARDIFF_MASH = "mash@cardiff.example.gov.uk";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	SafeguardingNotifier notifier;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	GreenMail mail;

	@BeforeEach
	void pauseJobExecutor() {
		this.engine.getJobExecutor().shutdown();
	}

	@AfterEach
	void restore() {
		stopMail();
		ClockUtil.reset();
		CrashBetweenSendAndRecord.armed = false;
		this.engine.getJobExecutor().start();
	}

	@Test
	void adultNotice_carriesReferenceAreaUrgencyAndContact_andNoIdentifyingDataOrAttachment() throws Exception {
		startMail();
		Case opened = open(JourneyFixtures.adultReport());
		deliverAll(opened);
		MimeMessage notice = only(CARDIFF_MASH, opened.reference);
		assertThat(notice.getSubject())
			.isEqualTo("[Routine] Safeguarding notice " + opened.reference + " - Cardiff - adult");
		assertThat(notice.getContent()).as("no attachment for a non-secure recipient").isInstanceOf(String.class);
		assertThat(GreenMailUtil.getBody(notice))
			.contains("Case reference: " + opened.reference, "Notice: CASE_OPENED (case-opened)",
					"Area: Cardiff (W06000015)", "Urgency: Routine", "Contact officer: ", "officer@police.example.org",
					"no identifying data")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME, "1990-04-12", "Hidden Lane");
		assertThat(notice.getMessageID()).endsWith(".notice@police.example.org>");
		List<NotificationView> views = notifications(opened.reference);
		assertThat(views).anySatisfy((view) -> {
			assertThat(view.recipient()).isEqualTo(CARDIFF_MASH);
			assertThat(view.status()).isEqualTo("SENT");
			assertThat(view.attempts()).isEqualTo(1);
			assertThat(view.sentAt()).isNotNull();
		});
		assertThat(chronology(opened.reference)).anyMatch((line) -> line.contains("delivered to " + CARDIFF_MASH));
	}

	@Test
	void childWithImmediateRisk_getsUrgentMashAndIctgReferrals_supervisorAlerts_andTaskAssignedEmails()
			throws Exception {
		startMail();
		Map<String, Object> report = JourneyFixtures.childReport();
		report.put("immediateRisk", true);
		Case opened = open(report);
		deliverAll(opened);
		MimeMessage mash = only(CARDIFF_MASH, opened.reference);
		assertThat(mash.getSubject()).startsWith("[URGENT] Safeguarding notice " + opened.reference).endsWith("child");
		assertThat(GreenMailUtil.getBody(mash)).contains("Children's services (MASH)", "immediate risk reported")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		MimeMessage ictg = only("ictg-wales@example.org", opened.reference);
		assertThat(GreenMailUtil.getBody(ictg)).contains("Independent Child Trafficking Guardian service")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		MimeMessage alert = only("supervisor@police.example.org", opened.reference);
		assertThat(alert.getSubject()).startsWith("[URGENT] Immediate risk " + opened.reference);
		List<MimeMessage> assigned = received("officer@police.example.org", opened.reference);
		assertThat(assigned).as("the officer's steps: immediate safeguarding, crime, children's services referral")
			.isNotEmpty()
			.allSatisfy((message) -> {
				assertThat(message.getSubject()).startsWith("Task assigned: ");
				assertThat(GreenMailUtil.getBody(message)).contains("Case reference: " + opened.reference, "Step: ")
					.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME, "Cardiff", "child");
			});
	}

	@Test
	void missingEpisode_isANewOccasion_soTheHubIsNotifiedAgain() throws Exception {
		startMail();
		Case opened = open(JourneyFixtures.adultReport());
		deliverAll(opened);
		this.runtime.createMessageCorrelation("VictimReportedMissing")
			.processInstanceBusinessKey(opened.reference)
			.correlate();
		deliverAll(opened);
		List<MimeMessage> toHub = received(CARDIFF_MASH, opened.reference);
		assertThat(toHub).hasSize(2);
		assertThat(toHub.get(1).getSubject()).startsWith("[URGENT] Victim reported missing " + opened.reference);
		assertThat(GreenMailUtil.getBody(toHub.get(1))).contains("VICTIM_MISSING (missing-episode-1)");
	}

	@Test
	void secureRecipient_getsTheReferralSummaryAsAnAttachment_andTheBodyStillIdentifiesNoOne() throws Exception {
		startMail();
		ResponseEntity<Map<String, Object>> changed = new RestJourney(this.rest).exchange("admin", HttpMethod.PUT,
				"/api/directory/E06000001",
				Map.of("areaCode", "E06000001", "areaName", "Hartlepool", "mashEmail", "mash@hartlepool.example.gov.uk",
						"adultSafeguardingEmail", "adults@hartlepool.example.gov.uk", "ictgService", false,
						"devolvedChildDecisions", false, "secureEmail", true));
		assertThat(changed.getStatusCode().value()).as("%s", changed.getBody()).isEqualTo(200);
		Map<String, Object> report = JourneyFixtures.childReport();
		report.put("areaCode", "E06000001");
		Case opened = open(report);
		deliverAll(opened);
		MimeMessage referral = only("mash@hartlepool.example.gov.uk", opened.reference);
		assertThat(referral.getSubject()).startsWith("[Routine] Safeguarding referral " + opened.reference);
		Multipart parts = (Multipart) referral.getContent();
		String body = GreenMailUtil.getBody(parts.getBodyPart(0));
		assertThat(body).contains("attached (secure channel)").doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("referral-summary-" + opened.reference + ".txt");
		assertThat(GreenMailUtil.getBody(parts.getBodyPart(1))).contains(JourneyFixtures.DISTINCTIVE_NAME,
				"Date of birth: " + report.get("dateOfBirth"));
		assertThat(GreenMailUtil.getBody(parts.getBodyPart(1))).doesNotContain("Hidden Lane");
	}

	@Test
	void smtpRefusingConnectionsThenRecovering_deliversOnce() throws Exception {
		Case opened = open(JourneyFixtures.adultReport());
		Job job = notificationJob(opened, CARDIFF_MASH);
		assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining(
				"Could not deliver CASE_OPENED notice for " + opened.reference + " to " + CARDIFF_MASH);
		Job retry = this.management.createJobQuery().jobId(job.getId()).singleResult();
		assertThat(retry.getDuedate()).as("back-off: the first retry waits a minute")
			.isAfter(Date.from(Instant.now().plusSeconds(50)));
		assertThatThrownBy(() -> this.management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
		startMail();
		this.management.executeJob(job.getId());
		report("smtp-refused", opened, CARDIFF_MASH);
		assertThat(received(CARDIFF_MASH, opened.reference)).hasSize(1);
		assertThat(view(opened, CARDIFF_MASH).attempts()).isEqualTo(3);
		assertThat(view(opened, CARDIFF_MASH).deliveryAttempts()).extracting(NotificationView.Attempt::outcome)
			.containsExactly("RETRYABLE_FAILURE", "RETRYABLE_FAILURE", "DELIVERED");
	}

	@Test
	void smtpDroppingTheConnectionMidData_isRetried_andDeliversOnce() throws Exception {
		Case opened = open(JourneyFixtures.adultReport());
		Job job = notificationJob(opened, CARDIFF_MASH);
		AtomicInteger dataLinesSeen = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(3025, 1, InetAddress.getByName("127.0.0.1"))) {
			CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> dropMidData(server, dataLinesSeen));
			assertThatThrownBy(() -> this.management.executeJob(job.getId()))
				.hasMessageContaining("Could not deliver CASE_OPENED notice for " + opened.reference);
			fake.get();
		}
		assertThat(dataLinesSeen.get()).as("the fake server was in DATA when it dropped").isPositive();
		startMail();
		this.management.executeJob(job.getId());
		report("smtp-drop-mid-data", opened, CARDIFF_MASH);
		assertThat(received(CARDIFF_MASH, opened.reference)).hasSize(1);
		assertThat(view(opened, CARDIFF_MASH).attempts()).isEqualTo(2);
	}

	@Test
	void stoppedBetweenSendAndMarkSent_thenStartedAgain_isNotResent_andAPersonConfirms() throws Exception {
		startMail();
		Case opened = open(JourneyFixtures.adultReport());
		Job job = notificationJob(opened, CARDIFF_MASH);
		CrashBetweenSendAndRecord.armed = true;
		assertThatThrownBy(() -> this.management.executeJob(job.getId())).hasMessageContaining("simulated crash");
		assertThat(view(opened, CARDIFF_MASH).status()).isEqualTo("SENDING");
		// started again later: the job runs again once its lock or due date has passed
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
		assertThatThrownBy(() -> this.management.executeJob(job.getId()))
			.hasMessageContaining("may have arrived; not resent");
		ClockUtil.reset();
		Incident incident = this.runtime.createIncidentQuery().configuration(job.getId()).singleResult();
		assertThat(incident).as("an incident asks a person to confirm").isNotNull();
		assertThat(incident.getProcessInstanceId()).isEqualTo(deliveryInstance(job));
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceId(incident.getProcessInstanceId())
			.singleResult()
			.getBusinessKey()).as("Cockpit finds it by the case reference").isEqualTo(opened.reference);
		assertThat(incident.getIncidentMessage()).contains(opened.reference, CARDIFF_MASH,
				"Confirm with the recipient");
		assertThat(view(opened, CARDIFF_MASH).status()).isEqualTo("UNKNOWN");

		// a manager confirms with the MASH that it arrived, then retries the incident
		ResponseEntity<String> resolved = this.rest.withBasicAuth("manager", RestJourney.PASSWORD)
			.exchange(
					"/api/cases/" + opened.reference + "/notifications/" + view(opened, CARDIFF_MASH).id()
							+ "/resolution",
					HttpMethod.POST, new HttpEntity<>(Map.of("delivered", true)), String.class);
		assertThat(resolved.getStatusCode().value()).as("%s", resolved.getBody()).isEqualTo(200);
		this.management.setJobRetries(job.getId(), 1);
		this.management.executeJob(job.getId());
		report("stopped-between-send-and-mark-sent", opened, CARDIFF_MASH);
		assertThat(received(CARDIFF_MASH, opened.reference)).hasSize(1);
		assertThat(view(opened, CARDIFF_MASH).status()).isEqualTo("SENT");
		assertThat(this.management.createJobQuery().jobId(job.getId()).count()).isZero();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(deliveryInstance(job)).count())
			.as("the delivery instance ended")
			.isZero();
	}

	@Test
	void sameJobExecutedTwice_andTheStepRunTwice_deliverOnce() throws Exception {
		startMail();
		Case opened = open(JourneyFixtures.adultReport());
		Job job = notificationJob(opened, CARDIFF_MASH);
		Long id = view(opened, CARDIFF_MASH).id();
		// two executors take the same job at once (a lock that expired, a redelivery)
		CompletableFuture<RuntimeException> first = CompletableFuture.supplyAsync(() -> execute(job.getId()));
		CompletableFuture<RuntimeException> second = CompletableFuture.supplyAsync(() -> execute(job.getId()));
		// the one that lost may fail only because the other won: the engine's optimistic
		// lock on the job, the job already gone, the notice already claimed, or (when it
		// reads the notice after the winner claimed it) the notice being sent by the
		// winner
		for (RuntimeException lost : new RuntimeException[] { first.get(), second.get() }) {
			if (lost != null) {
				assertThat(lost).as("how the losing execution of the same job failed")
					.satisfiesAnyOf((ex) -> assertThat(ex).isInstanceOf(OptimisticLockingException.class),
							(ex) -> assertThat(ex).hasMessageContaining("No job found with id"),
							(ex) -> assertThat(ex).hasMessageContaining("another attempt claimed it first"),
							(ex) -> assertThat(ex).hasMessageContaining("another attempt is sending it now"));
			}
		}
		// whatever is left of the job runs again, and the handler is called once more
		if (this.management.createJobQuery().jobId(job.getId()).count() > 0) {
			this.management.setJobRetries(job.getId(), 1);
			this.management.executeJob(job.getId());
		}
		this.outbox.deliver(id);
		// the service task that stored it runs again: nothing new is stored
		int jobsBefore = notificationJobs(opened).size();
		this.engine.getCommandExecutorTxRequired()
			.execute((context) -> this.notifier.notifyHub(opened.reference, Notice.CASE_OPENED, "case-opened",
					opened.processInstanceId));
		assertThat(notificationJobs(opened)).as("no second delivery job").hasSize(jobsBefore);
		report("same-job-twice", opened, CARDIFF_MASH);
		assertThat(received(CARDIFF_MASH, opened.reference)).hasSize(1);
		assertThat(view(opened, CARDIFF_MASH).attempts()).isEqualTo(1);
		assertThat(notifications(opened.reference)).filteredOn((view) -> view.recipient().equals(CARDIFF_MASH))
			.hasSize(1);
	}

	@Test
	void retriesExhausted_raiseAnIncidentThatSaysWhatFailed_andRetryFromTheApiDelivers() throws Exception {
		Case opened = open(JourneyFixtures.adultReport());
		Job job = notificationJob(opened, CARDIFF_MASH);
		int attempts = 0;
		while (this.management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
			attempts++;
			assertThatThrownBy(() -> this.management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
		}
		assertThat(attempts).as("once, then a retry after each of PT1M,PT5M,PT15M,PT60M").isEqualTo(5);
		Incident incident = this.runtime.createIncidentQuery().configuration(job.getId()).singleResult();
		assertThat(incident.getProcessInstanceId()).isEqualTo(deliveryInstance(job));
		assertThat(this.runtime.createIncidentQuery().processInstanceId(opened.processInstanceId).count())
			.as("the case's own instance carries on: the incident is the delivery's")
			.isZero();
		assertThat(incident.getIncidentMessage())
			.startsWith("Could not deliver CASE_OPENED notice for " + opened.reference + " to " + CARDIFF_MASH
					+ ": the mail server did not accept it")
			.doesNotContain(JourneyFixtures.DISTINCTIVE_NAME);
		assertThat(view(opened, CARDIFF_MASH).status()).isEqualTo("FAILED");

		startMail();
		ResponseEntity<Map<String, Object>> retried = new RestJourney(this.rest).exchange("manager", HttpMethod.PUT,
				"/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 1));
		assertThat(retried.getStatusCode().value()).isEqualTo(204);
		this.management.executeJob(job.getId());
		report("retries-exhausted-then-retried", opened, CARDIFF_MASH);
		assertThat(received(CARDIFF_MASH, opened.reference)).hasSize(1);
		assertThat(this.runtime.createIncidentQuery().configuration(job.getId()).count()).isZero();
		assertThat(view(opened, CARDIFF_MASH).status()).isEqualTo("SENT");
	}

	/**
	 * Issue 11: a notice delivered while a person completes a step of the same case
	 * refuses neither. The step's transaction has completed the task and changed the case
	 * record, but not committed, when the notice is delivered by another thread; then it
	 * commits. The delivery runs on its own process instance (so it does not wait for the
	 * case's execution) and writes its chronology lines without the case record (so the
	 * case's version the step read has not moved when the step commits).
	 */
	@Test
	void noticeDeliveredWhileAStepOfTheSameCaseCompletes_refusesNeither() throws Exception {
		startMail();
		Case opened = open(JourneyFixtures.adultReport());
		Job job = notificationJob(opened, CARDIFF_MASH);
		Long versionBefore = caseVersion(opened.reference);
		Task crime = this.tasks.createTaskQuery()
			.processInstanceId(opened.processInstanceId)
			.taskDefinitionKey(UserTasks.RECORD_CRIME)
			.singleResult();

		this.transactions.executeWithoutResult((status) -> {
			this.identity.setAuthentication("officer", List.of(Groups.FIRST_RESPONDERS));
			try {
				this.tasks.complete(crime.getId(), JourneyFixtures.answers(UserTasks.RECORD_CRIME));
			}
			finally {
				this.identity.clearAuthentication();
			}
			try {
				CompletableFuture.runAsync(() -> this.management.executeJob(job.getId())).get(2, TimeUnit.MINUTES);
			}
			catch (Exception ex) {
				throw new AssertionError("the notice was not delivered while the step was open", ex);
			}
		});

		assertThat(view(opened, CARDIFF_MASH).status()).isEqualTo("SENT");
		assertThat(received(CARDIFF_MASH, opened.reference)).hasSize(1);
		assertThat(this.tasks.createTaskQuery().taskId(crime.getId()).count()).as("the step completed").isZero();
		assertThat(chronology(opened.reference)).anyMatch((line) -> line.contains("delivered to " + CARDIFF_MASH));
		assertThat(caseVersion(opened.reference)).as("the step changed the case record the notice's lines refer to")
			.isGreaterThan(versionBefore);
	}

	@Test
	void deliveringANotice_leavesTheCaseRecordsVersionAlone() throws Exception {
		startMail();
		Case opened = open(JourneyFixtures.adultReport());
		Long before = caseVersion(opened.reference);

		deliverAll(opened);

		assertThat(notifications(opened.reference)).isNotEmpty()
			.allSatisfy((view) -> assertThat(view.status()).isEqualTo("SENT"));
		assertThat(caseVersion(opened.reference)).isEqualTo(before);
	}

	// --- helpers

	Long caseVersion(String reference) {
		return this.jdbc.queryForObject("select version from victim_case where reference = ?", Long.class, reference);
	}

	record Case(String processInstanceId, String reference) {
	}

	Case open(Map<String, Object> report) {
		ResponseEntity<Map<String, Object>> started = new RestJourney(this.rest).start("officer", report);
		assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
		Case opened = new Case((String) started.getBody().get("id"), (String) started.getBody().get("businessKey"));
		for (String serviceTask : List.of(ServiceTasks.NOTIFY_SAFEGUARDING_HUB, ServiceTasks.REFER_TO_ICTG,
				ServiceTasks.ALERT_SUPERVISORS)) {
			for (Job job : this.management.createJobQuery()
				.processInstanceId(opened.processInstanceId)
				.activityId(serviceTask)
				.list()) {
				this.management.executeJob(job.getId());
			}
		}
		return opened;
	}

	void deliverAll(Case opened) {
		for (String activity : List.of(ServiceTasks.NOTIFY_HUB_OF_MISSING_VICTIM,
				ServiceTasks.NOTIFY_ICTG_OF_MISSING_VICTIM)) {
			for (Job job : this.management.createJobQuery()
				.processInstanceId(opened.processInstanceId)
				.activityId(activity)
				.list()) {
				this.management.executeJob(job.getId());
			}
		}
		for (Job job : notificationJobs(opened)) {
			this.management.executeJob(job.getId());
		}
	}

	List<Job> notificationJobs(Case opened) {
		return new DeliveryJobs(this.runtime, this.management).forCase(opened.reference);
	}

	Job notificationJob(Case opened, String recipient) {
		return new DeliveryJobs(this.runtime, this.management).forNotification(view(opened, recipient).id());
	}

	/**
	 * The notice's delivery instance: its own, found in Cockpit by the case reference.
	 */
	String deliveryInstance(Job job) {
		return job.getProcessInstanceId();
	}

	NotificationView view(Case opened, String recipient) {
		return notifications(opened.reference).stream()
			.filter((view) -> view.recipient().equals(recipient))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no notification to " + recipient));
	}

	List<NotificationView> notifications(String reference) {
		ResponseEntity<List<NotificationView>> response = this.rest.withBasicAuth("officer", RestJourney.PASSWORD)
			.exchange("/api/cases/" + reference + "/notifications", HttpMethod.GET, null,
					new ParameterizedTypeReference<>() {
					});
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	List<String> chronology(String reference) {
		Map<String, Object> record = new RestJourney(this.rest).get("officer", "/api/cases/" + reference).getBody();
		return ((List<Map<String, Object>>) record.get("chronology")).stream()
			.map((line) -> (String) line.get("summary"))
			.toList();
	}

	void report(String fault, Case opened, String recipient) throws Exception {
		NotificationView view = view(opened, recipient);
		System.out.printf("fault[%s]: attempts=%d delivered=%d status=%s outcomes=%s%n", fault, view.attempts(),
				received(recipient, opened.reference).size(), view.status(),
				view.deliveryAttempts().stream().map(NotificationView.Attempt::outcome).toList());
	}

	/** Runs the job; returns how it failed, or null. */
	RuntimeException execute(String jobId) {
		try {
			this.management.executeJob(jobId);
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	void startMail() {
		this.mail = new GreenMail(ServerSetupTest.SMTP);
		this.mail.start();
	}

	void stopMail() {
		if (this.mail != null) {
			this.mail.stop();
			this.mail = null;
		}
	}

	MimeMessage only(String recipient, String reference) throws Exception {
		List<MimeMessage> messages = received(recipient, reference);
		assertThat(messages).as("messages to %s about %s", recipient, reference).hasSize(1);
		return messages.get(0);
	}

	List<MimeMessage> received(String recipient, String reference) throws Exception {
		if (this.mail == null) {
			return List.of();
		}
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)
					&& message.getSubject().contains(reference)) {
				found.add(message);
			}
		}
		return found;
	}

	/** A fake SMTP server that accepts the envelope, starts DATA, then drops the line. */
	static void dropMidData(ServerSocket server, AtomicInteger dataLines) {
		try (Socket socket = server.accept()) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			out.write("220 fake.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(java.util.Locale.ROOT);
				if (command.startsWith("DATA")) {
					out.write("354 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
					while (dataLines.get() < 3 && in.readLine() != null) {
						dataLines.incrementAndGet();
					}
					return; // close mid-DATA, before the final "." and our 250
				}
				String reply = command.startsWith("QUIT") ? "221 bye" : "250 OK";
				out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
