package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm, installed in {@code tools/axe}: {@code npm ci}) run in the page the
 * browser shows: its serious and critical WCAG 2.0-2.2 A/AA violations. Without axe-core
 * installed the check fails rather than passing unseen.
 */
final class Axe {

	static final Path SCRIPT = Path.of("tools", "axe", "node_modules", "axe-core", "axe.min.js");

	private final WebDriver driver;

	private final String script;

	Axe(WebDriver driver) {
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
	@SuppressWarnings("unchecked")
	List<String> seriousViolations(String page) {
		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		js.executeScript(this.script);
		Map<String, Object> results = (Map<String, Object>) js
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
					+ ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
					+ " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)})), passes: r.passes.length}))"
					+ ".catch(e => done({error: String(e)}));");
		assertThat(results.get("error")).as("axe-core ran on the " + page).isNull();
		assertThat(((Number) results.get("passes")).intValue()).as("axe-core checked the " + page).isPositive();
		List<String> found = new ArrayList<>();
		for (Map<String, Object> violation : (List<Map<String, Object>>) results.get("violations")) {
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

}
