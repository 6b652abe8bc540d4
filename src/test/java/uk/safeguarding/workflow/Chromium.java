package uk.safeguarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * The browser of the browser tests: Debian's headless Chromium with a fresh profile, in
 * London time, removed again by {@link #close}.
 */
public final class Chromium implements AutoCloseable {

	public static final Path BINARY = Path.of("/usr/bin/chromium");

	public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final Path profile;

	private Chromium(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Fails (never skips) a browser test on a machine without them. */
	public static void require() {
		assertThat(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER))
			.as("Debian's chromium and chromium-driver at " + BINARY + " and " + DRIVER
					+ ", which the browser tests need (apt-get install -y chromium chromium-driver)")
			.isTrue();
	}

	public static Chromium start() throws IOException {
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(DRIVER.toString()))
			.usingAnyFreePort()
			// a UK user's browser works in London time; headless Chromium keeps the
			// US date style whatever its language (the date pickers show mm/dd/yyyy,
			// and the helpers type what the pickers show)
			.withEnvironment(Map.of("TZ", "Europe/London"))
			.build();
		return new Chromium(new ChromeDriver(service, options), profile);
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile);
	}

}
