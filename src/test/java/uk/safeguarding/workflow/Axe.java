package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

import uk.safeguarding.workflow.tasklist.TasklistJourneyBrowserTest;

/**
 * axe-core (npm, installed in {@code tools/axe}: {@code npm ci}) run in the page the
 * browser shows: its serious and critical WCAG 2.0-2.2 A/AA violations. Without axe-core
 * installed the check fails rather than passing unseen.
 */
public final class Axe {

	public static final Path SCRIPT = Path.of("tools", "axe", "node_modules", "axe-core", "axe.min.js");

	private final WebDriver driver;

	private final String script;

	public Axe(WebDriver driver) {
		this.driver = driver;
		try {
			this.script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("axe-core is not installed: run (cd tools/axe && npm ci)", ex);
		}
	}

	/**
	 * The page's serious and critical violations, one line each (every violation found is
	 * printed).
	 * @param page what the page is, for the messages
	 * @return the serious and critical violations
	 */
	public List<String> seriousViolations(String page) {
		List<String> found = new ArrayList<>();
		for (Map<String, Object> violation : run(page)) {
			Object impact = violation.get("impact");
			System.out.println(
					"axe on the " + page + ": " + impact + " " + violation.get("id") + " " + violation.get("nodes"));
			if ("serious".equals(impact) || "critical".equals(impact)) {
				found.add(page + ": " + violation.get("id") + " (" + violation.get("help") + ") at "
						+ violation.get("nodes"));
			}
		}
		return found;
	}

	/**
	 * Every violation on the page, whatever its impact, one line each: for pages that are
	 * not the product's own (Camunda's), reported rather than held to zero.
	 * @param page what the page is, for the messages
	 * @return "impact id at elements" for each violation
	 */
	public List<String> allViolations(String page) {
		return run(page).stream()
			.map((violation) -> violation.get("impact") + " " + violation.get("id") + " at " + violation.get("nodes"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> run(String page) {
		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		js.executeScript(this.script);
		Map<String, Object> results = (Map<String, Object>) js
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
					+ ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
					+ " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 8)})), passes: r.passes.length}))"
					+ ".catch(e => done({error: String(e)}));");
		assertThat(results.get("error")).as("axe-core ran on the " + page).isNull();
		assertThat(((Number) results.get("passes")).intValue()).as("axe-core checked the " + page).isPositive();
		return (List<Map<String, Object>>) results.get("violations");
	}

	/**
	 * The whole page (the window grown to its height) to {@code target/browser}, and to
	 * {@code docs/images} with {@code -Ddocs.screenshots=true}.
	 * @param driver the browser
	 * @param name the file's name
	 */
	public static void fullPageScreenshot(WebDriver driver, String name) throws IOException {
		Number height = (Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollHeight");
		Dimension before = driver.manage().window().getSize();
		driver.manage().window().setSize(new Dimension(1400, Math.min(6000, height.intValue() + 40)));
		Path output = Path.of("target", "browser");
		Files.createDirectories(output);
		Path file = output.resolve(name);
		Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
				StandardCopyOption.REPLACE_EXISTING);
		driver.manage().window().setSize(before);
		if (Boolean.getBoolean("docs.screenshots")) {
			Files.createDirectories(TasklistJourneyBrowserTest.DOC_IMAGES);
			Files.copy(file, TasklistJourneyBrowserTest.DOC_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
