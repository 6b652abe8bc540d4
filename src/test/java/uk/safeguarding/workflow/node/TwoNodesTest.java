package uk.safeguarding.workflow.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import uk.safeguarding.workflow.ProductNode;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SmtpRelay;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * Two product processes (two JVMs from the built classpath, each on its own port) on one
 * PostgreSQL, as a force runs it behind a load balancer: steps completed on either node,
 * every job (notices, timers, escalations) done exactly once across both, a node killed
 * with kill -9 in the middle of a delivery, and a rolling restart. Mail goes to one
 * GreenMail through a relay per node, so a node can be stopped in the middle of talking
 * to the mail server. Short job locks and sweep interval keep it quick; the review step
 * appears a minute after the case opens because the test deploys a new version of the
 * {@code step-deadlines} table saying so, as a force would change a deadline (the model's
 * review timer reads that table through {@code stepTimers}).
 * <p>
 * Not in {@code mvn verify} (three JVMs start: minutes on a busy machine): run with
 * {@code mvn -P two-nodes verify}, as {@code .ci/run} does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

	static EmbeddedPostgres postgres;

	static GreenMail mail;

	static SmtpRelay relayA;

	static SmtpRelay relayB;

	static ProductNode nodeA;

	static ProductNode nodeB;

	static JdbcTemplate db;

	static final List<String> processInstances = new ArrayList<>();

	@BeforeAll
	static void startTwoNodesOnOneDatabase() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		DataSource dataSource = postgres.getPostgresDatabase();
		db = new JdbcTemplate(dataSource);
		mail = new GreenMail(new ServerSetup(ProductNode.freePort(), "127.0.0.1", "smtp"));
		mail.start();
		relayA = new SmtpRelay(mail.getSmtp().getPort());
		relayB = new SmtpRelay(mail.getSmtp().getPort());
		nodeA = node("node-a", relayA);
		nodeB = node("node-b", relayB);
		// one after the other, as a rolling deployment starts them: the first migrates
		// the
		// schema and creates the demo users
		nodeA.start().awaitHealthy(Duration.ofMinutes(6));
		nodeB.start().awaitHealthy(Duration.ofMinutes(6));
		deployShortReviewDeadlines();
	}

	/**
	 * A new version of the deployed {@code step-deadlines} table whose supervisory review
	 * appears (and is due) one minute after the case's last review, and goes to managers
	 * as soon as it is overdue (both levels in one wait), deployed through node A's
	 * engine REST by the administrator: both nodes' timers and sweeps read the latest
	 * version.
	 */
	static void deployShortReviewDeadlines() throws IOException {
		String table = Files.readString(Path.of("bpmn", "step-deadlines.dmn"), StandardCharsets.UTF_8);
		Matcher rule = Pattern
			.compile("<rule id=\"(Rule_\\d+)\">\\s*<description>[^<]*</description>\\s*<inputEntry id=\"\\1_Step\">"
					+ "\\s*<text>\"" + UserTasks.CONDUCT_SUPERVISORY_REVIEW + "\"</text>")
			.matcher(table);
		assertThat(rule.find()).as("the review's row in bpmn/step-deadlines.dmn").isTrue();
		String id = rule.group(1);
		for (String[] output : new String[][] { { "Amount", "1" }, { "Unit", "\"MINUTES\"" }, { "EscalateAmount", "0" },
				{ "EscalateUnit", "\"MINUTES\"" }, { "AppearsAmount", "1" }, { "AppearsUnit", "\"MINUTES\"" } }) {
			Matcher entry = Pattern
				.compile("(<outputEntry id=\"" + id + "_" + output[0] + "\">\\s*<text>)[^<]*(</text>)")
				.matcher(table);
			assertThat(entry.find()).as("%s_%s", id, output[0]).isTrue();
			table = entry.replaceFirst("$1" + Matcher.quoteReplacement(output[1]) + "$2");
		}
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", "two-nodes-short-review");
		byte[] bytes = table.getBytes(StandardCharsets.UTF_8);
		form.add("step-deadlines.dmn", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return "step-deadlines.dmn";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<String> deployed = new TestRestTemplate(new RestTemplateBuilder().rootUri(nodeA.baseUrl()))
			.withBasicAuth("admin", RestJourney.PASSWORD)
			.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
		assertThat(deployed.getStatusCode().value()).as("deployed: %s", deployed.getBody()).isEqualTo(200);
		assertThat(db.queryForObject("select max(VERSION_) from ACT_RE_DECISION_DEF where KEY_ = 'step-deadlines'",
				Integer.class))
			.as("the short table is the latest version")
			.isGreaterThan(1);
	}

	static ProductNode node(String name, SmtpRelay relay) throws Exception {
		return new ProductNode(name, List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.port(),
				"--safeguarding.local-mail.enabled=false", "--safeguarding.escalation.sweep-enabled=true",
				// both nodes sweep every second: they often sweep the same case at once
				"--safeguarding.escalation.sweep-interval=PT1S", "--safeguarding.notifications.sending-lease=PT30S",
				"--safeguarding.policy.notification-retry-cycle=PT5S,PT5S,PT5S,PT5S",
				"--camunda.bpm.job-execution.lock-time-in-millis=15000",
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000"));
	}

	@AfterAll
	static void stopEverything() throws Exception {
		for (ProductNode node : new ProductNode[] { nodeA, nodeB }) {
			if (node != null && node.isAlive()) {
				node.stop();
			}
		}
		if (relayA != null) {
			relayA.close();
			relayB.close();
		}
		if (mail != null) {
			mail.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	static RestJourney on(ProductNode node) {
		return new RestJourney(new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl())));
	}

	@Test
	@Order(1)
	void stepsOnEitherNode_andEveryJobRunsExactlyOnceAcrossBoth() throws Exception {
		Set<String> lockOwners = ConcurrentHashMap.newKeySet();
		Thread sampler = sampleLockOwners(lockOwners);
		for (int i = 0; i < 4; i++) {
			ProductNode starter = (i % 2 == 0) ? nodeA : nodeB;
			ProductNode other = (i % 2 == 0) ? nodeB : nodeA;
			String id = (String) on(starter).start("officer", JourneyFixtures.adultReport()).getBody().get("id");
			processInstances.add(id);
			on(other).completeStep("officer", id, UserTasks.RECORD_CRIME,
					JourneyFixtures.answers(UserTasks.RECORD_CRIME));
			on(starter).completeStep("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR,
					JourneyFixtures.answers(UserTasks.ALLOCATE_INVESTIGATOR));
		}
		// the review timers (a minute after each case opened) fire, the sweeps (every
		// second on both nodes) escalate the overdue steps, and every notice is delivered
		Awaitility.await("review tasks from the timers")
			.atMost(Duration.ofMinutes(3))
			.until(() -> count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = ?",
					UserTasks.CONDUCT_SUPERVISORY_REVIEW) >= processInstances.size());

		assertThat(
				count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = ?", UserTasks.CONDUCT_SUPERVISORY_REVIEW))
			.as("one review task per case: each timer fired once")
			.isEqualTo(processInstances.size());
		Awaitility.await("the supervisor told of each overdue review")
			.atMost(Duration.ofMinutes(1))
			.until(() -> reviewEscalations(1) >= processInstances.size());
		Awaitility.await("managers told of the overdue reviews")
			.atMost(Duration.ofMinutes(2))
			.until(() -> reviewEscalations(2) >= processInstances.size());
		awaitEveryNotificationSettled();
		sampler.interrupt();
		assertThat(count("select count(*) from notification where status = 'UNKNOWN'"))
			.as("notices stopped for a person although no node stopped")
			.isZero();
		assertThat(db.queryForList("select occasion, recipient, count(*) from notification "
				+ "where notice = 'ESCALATION' group by occasion, recipient having count(*) > 1"))
			.as("escalations stored twice")
			.isEmpty();
		for (ProductNode node : new ProductNode[] { nodeA, nodeB }) {
			assertThat(node.logLines()).as("%s: escalations that failed (two sweeps at once)", node.name())
				.noneMatch((line) -> line.contains("Could not escalate"));
		}
		assertEveryNoticeDeliveredOnce();
		// the engine's history cleanup job is the one job that runs again and again under
		// one id: in its batch window (01:00-05:00) each run reschedules it
		List<Map<String, Object>> twice = db.queryForList("select JOB_ID_, count(*) from ACT_HI_JOB_LOG "
				+ "where JOB_STATE_ = 2 and (JOB_DEF_TYPE_ is null or JOB_DEF_TYPE_ <> 'history-cleanup') "
				+ "and JOB_ID_ not in (select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = 'history-cleanup') "
				+ "group by JOB_ID_ having count(*) > 1");
		assertThat(twice).as("jobs that succeeded more than once").isEmpty();
		assertThat(db.queryForList("select distinct HOSTNAME_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2", String.class))
			.as("nodes that executed jobs")
			.containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(lockOwners).as("lock owners seen on ACT_RU_JOB").hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	@Order(2)
	void aNodeKilledInTheMiddleOfADelivery_leavesItsJobsToTheOther_withNoDuplicateAndNothingLost() throws Exception {
		relayA.hang(true);
		boolean caught = false;
		// started on node A: the engine hands a new job to its own node's executor first
		for (int i = 0; i < 6 && !caught; i++) {
			processInstances
				.add((String) on(nodeA).start("officer", JourneyFixtures.adultReport()).getBody().get("id"));
			caught = relayA.awaitHungConnection(40);
		}
		assertThat(caught).as("node A started a delivery").isTrue();
		nodeA.kill();

		// node A's locks expire (15 s); node B takes its jobs over
		awaitEveryNotificationSettled();
		assertEveryNoticeDeliveredOnce();
		// the notice node A was handing over when it died may have reached the server: it
		// is never sent again by itself; a person confirms it (an incident names it). So
		// may one node A had claimed and not yet connected for (its executor runs several
		// deliveries at once): node B cannot tell the two apart, and treats both alike.
		// None of them reached the mail server (asserted above: only SENT notices did)
		List<Map<String, Object>> unknown = db
			.queryForList("select id, case_reference from notification where status = 'UNKNOWN'");
		assertThat(unknown).as("the notices interrupted in the middle of their hand-over")
			.hasSizeGreaterThanOrEqualTo(relayA.hungConnections());
		for (Map<String, Object> notice : unknown) {
			assertThat(count("select count(*) from ACT_RU_INCIDENT where INCIDENT_MSG_ like ?",
					"%" + notice.get("case_reference") + "%"))
				.as("an incident asks a person about it")
				.isPositive();
		}
		assertThat(db.queryForList("select distinct HOSTNAME_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 "
				+ "and TIMESTAMP_ > now() - interval '2 minutes'", String.class))
			.contains("node-b");
	}

	@Test
	@Order(3)
	void aRollingRestart_losesNothing() throws Exception {
		relayA.hang(false);
		nodeA.start().awaitHealthy(Duration.ofMinutes(6));
		processInstances.add((String) on(nodeB).start("officer", JourneyFixtures.adultReport()).getBody().get("id"));
		// node B stops normally while its notices may be in flight; node A carries on
		String ownerB = nodeB.lockOwner();
		int linesBefore = nodeB.logLines().size();
		nodeB.stop();
		List<String> stopping = nodeB.logLines().subList(linesBefore, nodeB.logLines().size());
		assertThat(stopping).as("node B's log from SIGTERM to its exit").isNotEmpty();
		assertThat(stopping).as("errors at a normal stop").noneMatch(ProductNode::isError);
		assertThat(stopping).as("the job executor stopped cleanly")
			.anyMatch((line) -> line.contains("Job executor stopped: running jobs finished"));
		assertThat(count("select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ?", ownerB))
			.as("jobs node B still held after it stopped")
			.isZero();
		String id = (String) on(nodeA).start("officer", JourneyFixtures.adultReport()).getBody().get("id");
		processInstances.add(id);
		on(nodeA).completeStep("officer", id, UserTasks.RECORD_CRIME, JourneyFixtures.answers(UserTasks.RECORD_CRIME));
		nodeB.start().awaitHealthy(Duration.ofMinutes(6));
		on(nodeB).completeStep("supervisor", id, UserTasks.ALLOCATE_INVESTIGATOR,
				JourneyFixtures.answers(UserTasks.ALLOCATE_INVESTIGATOR));

		awaitEveryNotificationSettled();
		assertEveryNoticeDeliveredOnce();
		assertThat(count("select count(*) from victim_case")).isEqualTo(processInstances.size());
		assertThat(count("select count(*) from notification where status not in ('SENT', 'UNKNOWN')"))
			.as("notices left undelivered")
			.isZero();
	}

	/**
	 * Every notice SENT, or stopped for a person (UNKNOWN); none waiting or in flight.
	 */
	static void awaitEveryNotificationSettled() {
		Awaitility.await("every notice delivered")
			.atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> count("select count(*) from notification where status not in ('SENT', 'UNKNOWN')") == 0
					&& count("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ not like 'timer%' "
							+ "and RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ < now())") == 0);
	}

	/** Each SENT notice reached the mail server exactly once, and nothing else did. */
	static void assertEveryNoticeDeliveredOnce() throws Exception {
		Map<String, Integer> received = new HashMap<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			received.merge(message.getMessageID(), 1, Integer::sum);
		}
		List<String> sent = db.queryForList("select message_id from notification where status = 'SENT'", String.class);
		assertThat(received).as("messages received more than once")
			.allSatisfy((id, times) -> assertThat(times).isOne());
		assertThat(received.keySet()).as("each delivered notice, once").containsExactlyInAnyOrderElementsOf(sent);
	}

	/** Escalation notices stored for the open review tasks at this level. */
	static long reviewEscalations(int level) {
		return count(
				"select count(*) from notification n join ACT_RU_TASK t on n.occasion = concat('overdue-', "
						+ "t.ID_, '-level-" + level + "') where n.notice = 'ESCALATION' and t.TASK_DEF_KEY_ = ?",
				UserTasks.CONDUCT_SUPERVISORY_REVIEW);
	}

	static long count(String sql, Object... args) {
		return db.queryForObject(sql, Long.class, args);
	}

	static Thread sampleLockOwners(Set<String> owners) {
		Thread thread = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					owners.addAll(db.queryForList(
							"select distinct LOCK_OWNER_ from ACT_RU_JOB where LOCK_OWNER_ is not null", String.class));
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (org.springframework.dao.DataAccessException ex) {
					// the database is busy or a connection went with a stopped node: the
					// next sample reads again (the set only collects owners seen)
				}
			}
		});
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
