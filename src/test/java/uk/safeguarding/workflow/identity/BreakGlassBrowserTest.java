package uk.safeguarding.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.Chromium;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.Tasklist;
import uk.safeguarding.workflow.tasklist.TasklistJourneyBrowserTest;
import uk.safeguarding.workflow.process.JourneyFixtures;
import uk.safeguarding.workflow.victimcase.AccessLogEntry;
import uk.safeguarding.workflow.victimcase.AccessLogRepository;

/**
 * Break-glass in the browser (issue 8 item 9): the {@code camunda-admin} member
 * {@code admin}, connected to no case, logs in to Admin and to Cockpit in headless
 * Chromium, opens a case's process instance and its variables in Cockpit and the case's
 * page in the product, and each of those reads is in the case's s62 access log, marked
 * break-glass, with who and when. Leaves pictures in {@code target/browser/}. Fails
 * (never skips) where Debian's {@code chromium} and {@code chromium-driver} are missing.
 */
@SharedApplicationTest
class BreakGlassBrowserTest {

	static final Path OUTPUT = Path.of("target", "browser");

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	AccessLogRepository accessLog;

	WebDriver driver;

	Chromium chromium;

	@BeforeAll
	static void requireChromium() {
		Chromium.require();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void theBreakGlassAdministratorLogsInToAdminAndCockpit_readsACase_andEachReadIsInTheAccessLog() throws Exception {
		Map<String, Object> started = new RestJourney(this.rest).start("officer", JourneyFixtures.adultReport())
			.getBody();
		String id = (String) started.get("id");
		String reference = (String) started.get("businessKey");
		Instant before = Instant.now();
		String base = "http://localhost:" + this.port;
		browser();

		// Admin: the users list (Camunda refused this login before)
		webappLogin(base + "/camunda/app/admin/default/", "admin");
		waitFor((d) -> !d.findElements(By.xpath("//a[normalize-space(.)='Users']")).isEmpty());
		screenshot("break-glass-admin.png");

		// Cockpit, a login of its own: the case's process instance and its variables
		this.driver.manage().deleteAllCookies();
		webappLogin(base + "/camunda/app/cockpit/default/", "admin");
		this.driver.get(base + "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime");
		waitFor((d) -> !d
			.findElements(
					By.xpath("//td[normalize-space(.)='caseReference'] | //td//*[normalize-space(.)='caseReference']"))
			.isEmpty());
		assertThat(this.driver.findElement(By.tagName("body")).getText()).as("Cockpit shows the case's variables")
			.contains(reference);
		screenshot("break-glass-cockpit.png");

		// the product's case page
		this.driver.get(base + "/cases/" + reference);
		if (this.driver.getCurrentUrl().contains("/signin")) {
			this.driver.findElement(By.id("username")).sendKeys("admin");
			this.driver.findElement(By.id("password")).sendKeys(RestJourney.PASSWORD, Keys.ENTER);
			waitFor((d) -> d.getCurrentUrl().endsWith("/cases/" + reference));
		}
		assertThat(this.driver.findElement(By.tagName("h1")).getText()).contains(reference);
		screenshot("break-glass-case-page.png");

		List<AccessLogEntry> byAdmin = this.accessLog.findByCaseReferenceOrderByAtAscIdAsc(reference)
			.stream()
			.filter((entry) -> "admin".equals(entry.getUserId()))
			.toList();
		List<String> lines = byAdmin.stream().map((entry) -> entry.getOperation() + " " + entry.getPurpose()).toList();
		lines.forEach((line) -> System.out.println("access log of " + reference + " by admin: " + line));
		assertThat(byAdmin).as("when").allSatisfy((entry) -> assertThat(entry.getAt()).isAfterOrEqualTo(before));
		assertThat(lines).as("the access log of the case, by admin")
			.anyMatch((line) -> line.startsWith("CONSULTATION break-glass GET /camunda/api/")
					&& line.contains("/process-instance/" + id))
			.anyMatch(
					(line) -> line.startsWith("CONSULTATION break-glass POST ") && line.contains("/variable-instance"))
			.anyMatch((line) -> line.equals("CONSULTATION Case page"));
	}

	private void webappLogin(String url, String user) {
		this.driver.get(url);
		WebElement username = new WebDriverWait(this.driver, Tasklist.WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
		username.sendKeys(user);
		WebElement password = this.driver.findElement(By.cssSelector("input[ng-model='password']"));
		password.sendKeys(RestJourney.PASSWORD, Keys.ENTER);
		waitFor((d) -> d.findElements(By.cssSelector("input[ng-model='username']"))
			.stream()
			.noneMatch(WebElement::isDisplayed));
	}

	private void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	private void screenshot(String name) {
		new Tasklist(this.driver, "").screenshot(OUTPUT.resolve(name));
	}

	private void browser() throws IOException {
		this.chromium = Chromium.start();
		this.driver = this.chromium.driver();
	}

}
