package uk.safeguarding.workflow.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.Chromium;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.Axe;
import uk.safeguarding.workflow.tasklist.TasklistJourneyBrowserTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;

/**
 * The oversight dashboard in headless Chromium, as a manager uses it: signs in on the
 * product's sign-in page, sees a case's step become overdue when the engine's clock moves
 * on, filters, and follows the step's link into Tasklist (already signed in there: one
 * login). axe-core runs on every dashboard page: no serious or critical WCAG 2.2 AA
 * violation. Runs in the shared application context (no context of its own); needs
 * Debian's {@code chromium} and {@code chromium-driver}, and axe-core installed in
 * {@code tools/axe} ({@code npm ci}; without it the test fails).
 * <p>
 * With {@code -Ddocs.screenshots=true} it also refreshes the README's pictures of the
 * dashboard in {@code docs/images/}.
 */
@SharedApplicationTest
class OversightBrowserTest {

	static final Path OUTPUT = Path.of("target", "browser");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	WebDriver driver;

	Chromium chromium;

	@BeforeAll
	static void requireChromium() {
		Chromium.require();
	}

	@BeforeEach
	void startBrowser() throws IOException {
		this.chromium = Chromium.start();
		this.driver = this.chromium.driver();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		ClockUtil.reset();
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aManagerSeesAStepBecomeOverdue_followsItToTasklist_andEveryPagePassesAxe() throws Exception {
		Axe axe = new Axe(this.driver);
		// a case identified just now: its immediate safeguarding is due in two hours
		Map<String, Object> report = JourneyFixtures.adultReport();
		report.put("identifiedAt", LocalDateTime.now(LONDON).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
		Map<String, Object> started = new RestJourney(this.rest).start("officer", report).getBody();
		String reference = (String) started.get("businessKey");
		Task step = this.tasks.createTaskQuery()
			.processInstanceId((String) started.get("id"))
			.taskDefinitionKey(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING)
			.singleResult();
		assertThat(step.getDueDate()).isAfter(new Date());

		String base = "http://localhost:" + this.port;
		this.driver.get(base + "/oversight");
		assertThat(this.driver.getCurrentUrl()).as("sent to sign in").contains("/signin");
		List<String> violations = new ArrayList<>(axe.seriousViolations("sign-in page"));
		this.driver.findElement(By.id("username")).sendKeys("manager");
		this.driver.findElement(By.id("password")).sendKeys(RestJourney.PASSWORD);
		this.driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")).click();
		waitFor((d) -> d.getCurrentUrl().endsWith("/oversight"));
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Oversight");
		assertThat(this.driver.findElements(By.cssSelector("tr[data-task='" + step.getId() + "']")))
			.as("not overdue yet")
			.isEmpty();
		violations.addAll(axe.seriousViolations("dashboard"));

		// three hours later by the engine's clock, the step is overdue
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(3))));
		this.driver.navigate().refresh();
		WebElement row = this.driver.findElement(By.cssSelector("tr[data-task='" + step.getId() + "']"));
		assertThat(row.getText()).contains(reference, "Record immediate safeguarding", "Cardiff");
		assertThat(row.findElement(By.cssSelector(".govuk-tag--red")).getText()).matches("(59 minutes|1 hour.*)");
		violations.addAll(axe.seriousViolations("dashboard with an overdue step"));
		screenshot("oversight-dashboard.png");

		// the filters stay in the URL
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.id("filter-area")))
			.selectByValue("W06000015");
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.id("filter-step")))
			.selectByValue(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		this.driver.findElement(By.cssSelector("form.app-filters button[type=submit]")).click();
		waitFor((d) -> d.getCurrentUrl().contains("step=" + UserTasks.RECORD_IMMEDIATE_SAFEGUARDING));
		assertThat(this.driver.getCurrentUrl()).contains("area=W06000015");
		assertThat(this.driver.findElements(By.cssSelector("#overdue-steps tbody tr")))
			.allSatisfy((r) -> assertThat(r.getText()).contains("Record immediate safeguarding", "Cardiff"));
		violations.addAll(axe.seriousViolations("filtered dashboard"));
		screenshot("oversight-filters.png");

		this.driver.get(base + "/oversight?area=nowhere");
		assertThat(this.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Choose an area from the list");
		violations.addAll(axe.seriousViolations("dashboard with a bad filter"));
		assertThat(violations).as("serious or critical axe-core violations (WCAG 2.2 AA)").isEmpty();

		// the step's link opens it in Tasklist, signed in by the same login
		this.driver.navigate().back();
		this.driver.findElement(By.cssSelector("tr[data-task='" + step.getId() + "'] a.app-task-link")).click();
		waitFor((d) -> d.findElements(By.cssSelector(".task-details"))
			.stream()
			.anyMatch((details) -> details.getText().contains("Record immediate safeguarding")));
		assertThat(this.driver.getCurrentUrl()).contains("/camunda/app/tasklist/default/", "task=" + step.getId());
		assertThat(this.driver.findElements(By.cssSelector("input[ng-model='username']"))).as("no second login")
			.isEmpty();
	}

	private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(condition::apply);
	}

	private void screenshot(String name) throws IOException {
		Axe.fullPageScreenshot(this.driver, name);
	}

}
