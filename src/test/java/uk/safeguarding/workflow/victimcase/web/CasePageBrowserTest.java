package uk.safeguarding.workflow.victimcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.Axe;
import uk.safeguarding.workflow.Chromium;
import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.Tasklist;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * The case page in headless Chromium, as a newly reported case reaches it: an officer
 * reports a potential victim with Tasklist's start form (picking the area by its name),
 * opens the first step in "My tasks", whose form heads with the case reference as a link,
 * follows it to the case page (no second login), and copies the Duty to Notify summary
 * with its button. axe-core runs on the case page, its printable summary and the case
 * lists: no serious or critical WCAG 2.2 AA violation. Runs in the shared application
 * context; needs Debian's {@code chromium} and {@code chromium-driver}, and axe-core in
 * {@code tools/axe}.
 * <p>
 * The officer is one of their own, created for the test, so that "My tasks" and "My
 * cases" hold only what this officer reported (other tests of the shared application
 * leave the demo officer's steps open). With {@code -Ddocs.screenshots=true} the run
 * refreshes {@code docs/images/case-page.png}.
 */
@SharedApplicationTest
class CasePageBrowserTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final Path OUTPUT = Path.of("target", "browser");

	static final String OFFICER = "rrivera";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	@RegisterExtension
	TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
		if (this.tasklist != null) {
			String name = context.getRequiredTestMethod().getName() + "-failure";
			try {
				this.tasklist.screenshot(OUTPUT.resolve(name + ".png"));
				this.tasklist.pageSource(OUTPUT.resolve(name + ".html"));
				failure.addSuppressed(new AssertionError("Browser state saved to " + OUTPUT.resolve(name + ".png")));
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}
		throw failure;
	};

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	VictimCaseService cases;

	WebDriver driver;

	Tasklist tasklist;

	Chromium chromium;

	@BeforeAll
	static void requireChromium() {
		Chromium.require();
	}

	@BeforeEach
	void anOfficerOfTheirOwn_andABrowser() throws IOException {
		if (this.identity.createUserQuery().userId(OFFICER).count() == 0) {
			User officer = this.identity.newUser(OFFICER);
			officer.setFirstName("Rosa");
			officer.setLastName("Rivera");
			officer.setPassword(RestJourney.PASSWORD);
			this.identity.saveUser(officer);
			this.identity.createMembership(OFFICER, Groups.FIRST_RESPONDERS);
		}
		this.chromium = Chromium.start();
		this.driver = this.chromium.driver();
		this.tasklist = new Tasklist(this.driver, base());
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	void anOfficerReportsACase_followsItsReferenceToTheCasePage_andCopiesTheDutyToNotifySummary() throws Exception {
		Tasklist ui = this.tasklist;
		LocalDateTime identified = LocalDateTime.now(LONDON).minusHours(1).truncatedTo(ChronoUnit.MINUTES);

		// 1. the report, from Tasklist's "Start process"; the area is picked by its name
		// signed in once, on the product's sign-in page, the officer opens Tasklist (its
		// first load can take long on a busy machine)
		signIn(OFFICER, "/cases");
		this.driver.get(base() + "/camunda/app/tasklist/default/");
		new WebDriverWait(this.driver, Duration.ofSeconds(120)).until((d) -> !d
			.findElements(By.xpath("//*[contains(@class,'task-filter')]/h4[normalize-space(a/text())='My tasks']"))
			.isEmpty());
		ui.startProcess("Victim safeguarding");
		ui.select("howCameToNotice", "Found by police");
		ui.dateTime("identifiedAt", identified.toLocalDate(), identified.toLocalTime());
		ui.search("areaCode", "Birmingham");
		ui.text("victimName", "Case Page Browser Person");
		ui.date("dateOfBirth", LocalDate.of(1991, 3, 9));
		ui.radio("ageUncertain", "No");
		ui.radio("gender", "Female");
		ui.search("nationality", "Viet Nam");
		ui.radio("immediateRisk", "No");
		ui.radio("careAndSupportNeeds", "No");
		ui.checklist("exploitationTypes", "Labour exploitation");
		ui.radio("exploitationLocation", "In the UK");
		ui.select("exploitationPeriod", "1 to 6 months");
		assertThat(ui.validationErrors()).isEmpty();
		ui.submitStartForm();

		// 2. the first step is in "My tasks": its form heads with the case reference
		ui.openTask("My tasks", "Record immediate safeguarding");
		WebElement heading = this.driver.findElement(By.xpath("//*[contains(@class,'fjs-form')]//h2"));
		assertThat(heading.getText()).startsWith("Case reference: MSHT-");
		String reference = heading.getText().substring("Case reference: ".length()).strip();
		VictimCase record = this.cases.find(reference).orElseThrow();
		assertThat(record.getReportingOfficer()).as("the case this officer just reported").isEqualTo(OFFICER);
		assertThat(this.cases.casesOf(OFFICER)).extracting(VictimCase::getReference).containsExactly(reference);
		assertThat(record.getAreaCode()).as("Birmingham, picked by name, is sent as its ONS code")
			.isEqualTo("E08000025");

		// 3. the reference links to the case page, signed in by the same login
		String tasklistWindow = this.driver.getWindowHandle();
		this.driver.findElement(By.cssSelector(".fjs-form a[href='/cases/" + reference + "']")).click();
		Set<String> windows = this.driver.getWindowHandles();
		if (windows.size() > 1) {
			windows.stream()
				.filter((w) -> !w.equals(tasklistWindow))
				.findFirst()
				.ifPresent(this.driver.switchTo()::window);
		}
		waitFor((d) -> d.getCurrentUrl().endsWith("/cases/" + reference));
		assertThat(this.driver.findElement(By.cssSelector("h1.app-case-reference")).getText()).isEqualTo(reference);
		assertThat(summaryRow("Area")).isEqualTo("Birmingham (E08000025)");
		assertThat(summaryRow("Reporting officer")).contains(OFFICER);
		assertThat(summaryRow("Nationality")).isEqualTo("Viet Nam");
		assertThat(this.driver.findElement(By.id("steps")).isDisplayed()).isTrue();
		assertThat(this.driver.findElement(By.tagName("main")).getText()).contains("Record immediate safeguarding");
		Axe axe = new Axe(this.driver);
		List<String> violations = new ArrayList<>(axe.seriousViolations("case page"));
		screenshot("case-page.png");

		// 4. the Duty to Notify summary (an adult with no consent recorded) is copied
		String shown = this.driver.findElement(By.id("dtn-summary")).getText();
		assertThat(shown)
			.contains("Duty to Notify report (anonymous)", "Why anonymous: no consent to an NRM referral is recorded",
					"Gender: female", "Nationality: Viet Nam (VN)", "Type of exploitation: labour exploitation",
					"For about: 1 to 6 months")
			.doesNotContain("Case Page Browser Person", "1991", reference, "LABOUR");
		((ChromeDriver) this.driver).executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", base(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		WebElement copy = this.driver.findElement(By.cssSelector("button.app-copy[data-copy='dtn-summary']"));
		assertThat(copy.isDisplayed()).as("the copy button (shown where the browser can copy)").isTrue();
		assertThat(copy.getText()).isEqualTo("Copy Duty to Notify summary");
		copy.click();
		waitFor((d) -> "Copied".equals(copy.getText()));
		Object clipboard = ((JavascriptExecutor) this.driver)
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "navigator.clipboard.readText().then(done, (e) => done('could not read the clipboard: ' + e));");
		assertThat(clipboard).as("what the officer pastes into the Modern Slavery Portal")
			.isEqualTo(this.driver.findElement(By.id("dtn-summary")).getDomProperty("textContent"));
		assertThat((String) clipboard).contains("Nationality: Viet Nam (VN)")
			.doesNotContain("Case Page Browser Person");

		// 5. the printable summary and the case lists
		this.driver.findElement(By.linkText("Printable Duty to Notify summary")).click();
		waitFor((d) -> d.getCurrentUrl().endsWith("/cases/" + reference + "/print/duty-to-notify"));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("Nationality: Viet Nam (VN)");
		violations.addAll(axe.seriousViolations("printable Duty to Notify summary"));

		this.driver.get(base() + "/cases");
		WebElement mine = this.driver.findElement(By.cssSelector("main"));
		assertThat(mine.findElements(By.cssSelector("a[href='/cases/" + reference + "']"))).hasSize(1);
		assertThat(mine.getText()).contains("Birmingham").doesNotContain("Case Page Browser Person");
		violations.addAll(axe.seriousViolations("My cases"));

		this.driver.get(base() + "/cases?reference=not-a-reference");
		assertThat(this.driver.findElement(By.cssSelector("main")).getText())
			.contains("Enter a case reference like MSHT-2026-000123.");
		violations.addAll(axe.seriousViolations("case search with a bad reference"));
		this.driver.findElement(By.cssSelector("input[name='reference']")).clear();
		this.driver.findElement(By.cssSelector("input[name='reference']")).sendKeys(reference.toLowerCase());
		this.driver.findElement(By.cssSelector("input[name='reference']")).submit();
		waitFor((d) -> d.getCurrentUrl().endsWith("/cases/" + reference));

		// 6. a supervisor's team view lists the new case too (nobody supervises it yet)
		this.driver.manage().deleteAllCookies();
		signIn("supervisor", "/cases");
		assertThat(this.driver.findElement(By.cssSelector("main")).getText()).contains("My team's open cases");
		assertThat(this.driver.findElements(By.cssSelector("a[href='/cases/" + reference + "']"))).isNotEmpty();
		violations.addAll(axe.seriousViolations("team's cases"));

		assertThat(violations).as("serious or critical axe-core violations (WCAG 2.2 AA)").isEmpty();
	}

	/** Signs in on the product's sign-in page, sent there from a product page. */
	private void signIn(String user, String page) {
		this.driver.get(base() + page);
		waitFor((d) -> d.getCurrentUrl().contains("/signin"));
		this.driver.findElement(By.id("username")).sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys(RestJourney.PASSWORD);
		this.driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")).click();
		waitFor((d) -> d.getCurrentUrl().endsWith(page));
	}

	private String summaryRow(String key) {
		return this.driver.findElement(By.xpath("//dl[contains(@class,'govuk-summary-list')]/div[dt[normalize-space(.)="
				+ Tasklist.literal(key) + "]]/dd"))
			.getText()
			.strip();
	}

	private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(condition::apply);
	}

	private void screenshot(String name) throws IOException {
		Axe.fullPageScreenshot(this.driver, name);
	}

}
