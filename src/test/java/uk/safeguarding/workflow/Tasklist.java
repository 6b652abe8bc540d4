package uk.safeguarding.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page helpers for Camunda 7 Tasklist and the Camunda Forms (form-js) it renders, written
 * the way a user works: log in, pick a filter, open a task by its name, claim it, fill
 * the form, complete. Form fields are found by their key (form-js gives each input the id
 * {@code ...-Field_<key>}, as every field id in {@code forms/} is {@code Field_<key>});
 * what is typed or clicked is what a user would type or click.
 */
public final class Tasklist {

	public static final Duration WAIT = Duration.ofSeconds(20);

	private final WebDriver driver;

	private final String baseUrl;

	public Tasklist(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/** A fresh explicit wait (each has its own failure message). */
	private WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(this.driver, WAIT);
		wait.ignoring(StaleElementReferenceException.class);
		wait.ignoring(ElementClickInterceptedException.class);
		wait.ignoring(NoSuchElementException.class);
		return wait;
	}

	// ---------------------------------------------------------------- session

	public void login(String user, String password) {
		this.driver.get(this.baseUrl + "/camunda/app/tasklist/default/");
		WebElement username = waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
		username.clear();
		username.sendKeys(user);
		WebElement secret = this.driver.findElement(By.cssSelector("input[ng-model='password']"));
		secret.clear();
		secret.sendKeys(password);
		secret.sendKeys(Keys.ENTER);
		// logged in: the filter list is there
		waiting().until(ExpectedConditions.visibilityOfElementLocated(filterLocator("My tasks")));
	}

	public void logout() {
		waiting()
			.until(ExpectedConditions.elementToBeClickable(
					By.xpath("//a[contains(@class,'dropdown-toggle')][span[contains(@class,'glyphicon-user')]]")))
			.click();
		waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
	}

	// ------------------------------------------------- filters and the task list

	private static By filterLocator(String name) {
		// by the name it shows (its tooltip is the filter's description)
		return By.xpath(
				"//*[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')][h4[normalize-space(a/text())="
						+ literal(name) + "]]");
	}

	public void openFilter(String name) {
		WebElement filter = waiting().until(ExpectedConditions.elementToBeClickable(filterLocator(name)));
		if (!hasClass(filter, "active")) {
			filter.findElement(By.cssSelector("h4 a")).click();
			waiting().until((d) -> hasClass(d.findElement(filterLocator(name)), "active"));
		}
	}

	private static By taskItem(String taskName) {
		return By.xpath("//ol[contains(concat(' ', normalize-space(@class), ' '), ' tasks-list ')]"
				+ "/li[.//h4[contains(concat(' ', normalize-space(@class), ' '), ' task ')][normalize-space(.)="
				+ literal(taskName) + "]]");
	}

	public void waitUntilListed(String taskName) {
		waiting().withMessage(() -> "task '" + taskName + "' to be listed")
			.until(ExpectedConditions.presenceOfElementLocated(taskItem(taskName)));
	}

	public void waitUntilNotListed(String taskName) {
		waiting().withMessage(() -> "task '" + taskName + "' to leave the list")
			.until(ExpectedConditions.invisibilityOfElementLocated(taskItem(taskName)));
	}

	/** The task names the current filter lists, once the list has loaded. */
	public List<String> listedTasks() {
		waiting().until(ExpectedConditions
			.invisibilityOfElementLocated(By.cssSelector(".tasks-list .loader, [cam-tasks] .loader")));
		return this.driver.findElements(By.cssSelector(".tasks-list > li h4.task"))
			.stream()
			.map(WebElement::getText)
			.map(String::strip)
			.toList();
	}

	/** Opens the task from the current filter and waits for its form. */
	public void openTask(String filter, String taskName) {
		openFilter(filter);
		// the list re-renders as it refreshes: find and click again if the element went
		// stale
		waiting().withMessage(() -> "task '" + taskName + "' in filter '" + filter + "'")
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((driver) -> {
				WebElement item = ExpectedConditions.elementToBeClickable(taskItem(taskName)).apply(driver);
				if (item == null) {
					return false;
				}
				item.findElement(By.cssSelector("h4.task a")).click();
				return true;
			});
		waiting().withMessage(() -> "the details of task '" + taskName + "'")
			.until(ExpectedConditions.visibilityOfElementLocated(By
				.xpath("//section[contains(@class,'task-details')]//h2[contains(@class,'task')][normalize-space(.)="
						+ literal(taskName) + "]")));
		waitForForm();
	}

	public void claimIfNeeded() {
		List<WebElement> claim = this.driver.findElements(By.cssSelector("button.claim"));
		if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
			claim.get(0).click();
			waiting().withMessage(() -> "the claimed form to be enabled")
				.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
		}
	}

	/** Completes the open task and waits until the current filter no longer lists it. */
	public void complete(String taskName) {
		String refusal = submitTask(taskName);
		if (refusal != null) {
			throw new IllegalStateException("Tasklist could not complete '" + taskName + "': " + refusal);
		}
		waitUntilNotListed(taskName);
	}

	/** Clicks Complete expecting a refusal; returns what Tasklist tells the user. */
	public String completeRefused(String taskName) {
		String refusal = submitTask(taskName);
		if (refusal == null) {
			throw new IllegalStateException("'" + taskName + "' was completed, but a refusal was expected");
		}
		return refusal;
	}

	/** Clicks Complete; returns null once done, or the error notice shown instead. */
	private String submitTask(String taskName) {
		By completeButton = By.xpath("//section[contains(@class,'task-details')]"
				+ "//button[@ng-click='complete()'][normalize-space(.)='Complete'][not(@disabled)]");
		waiting()
			.withMessage(() -> "an enabled Complete button for '" + taskName + "'; form errors: " + validationErrors())
			.until((d) -> {
				// notices cover the form's buttons: close them, as a user would
				dismissNotifications();
				WebElement button = d.findElement(completeButton);
				scrollIntoView(button);
				button.click();
				return true;
			});
		// done: Tasklist closes the task's details; refused: it shows an error notice
		By details = By
			.xpath("//section[contains(@class,'task-details')]//h2[contains(@class,'task')][normalize-space(.)="
					+ literal(taskName) + "]");
		return waiting().withMessage(() -> "task '" + taskName + "' to be completed or refused").until((d) -> {
			for (WebElement error : d.findElements(By.cssSelector(".page-notifications .alert-danger"))) {
				if (error.isDisplayed()) {
					return Optional.of(error.getText().strip());
				}
			}
			return d.findElements(details).isEmpty() ? Optional.<String>empty() : null;
		}).orElse(null);
	}

	/** Closes Tasklist's notices (they cover the form's buttons, bottom right). */
	public void dismissNotifications() {
		for (WebElement close : this.driver.findElements(By.cssSelector(".page-notifications .alert button.close"))) {
			if (close.isDisplayed()) {
				close.click();
			}
		}
	}

	// ---------------------------------------------------------------- starting a process

	public void startProcess(String processName) {
		waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Start process']")))
			.click();
		waiting()
			.until(ExpectedConditions.elementToBeClickable(
					By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)=" + literal(processName) + "]")))
			.click();
		waitForForm();
	}

	public void submitStartForm() {
		waiting()
			.until(ExpectedConditions.elementToBeClickable(By
				.xpath("//*[contains(@class,'modal-footer')]//button[normalize-space(.)='Start'][not(@disabled)]")))
			.click();
		waiting().withMessage(() -> "the start dialog to close")
			.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
	}

	// ---------------------------------------------------------------- form-js fields

	public void waitForForm() {
		waiting().withMessage(() -> "a Camunda Form")
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
	}

	/** The form-js field (the {@code .fjs-form-field} element) of a form key. */
	public WebElement field(String key) {
		return waiting().withMessage(() -> "form field '" + key + "'").until((d) -> {
			Object found = ((JavascriptExecutor) d).executeScript("""
					const key = arguments[0];
					const pattern = new RegExp('-Field_' + key + '(-(date|time|\\\\d+))?$');
					const root = document.querySelector('.modal-dialog') || document;
					for (const el of root.querySelectorAll('[id*="-Field_' + key + '"], [for*="-Field_' + key + '"]')) {
					  const ref = el.id || el.getAttribute('for');
					  if (pattern.test(ref)) {
					    const field = el.closest('.fjs-form-field');
					    if (field && field.offsetParent !== null) return field;
					  }
					}
					return null;
					""", key);
			return (WebElement) found;
		});
	}

	public void text(String key, String value) {
		WebElement input = field(key).findElement(By.cssSelector("input, textarea"));
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
	}

	public void number(String key, int value) {
		text(key, Integer.toString(value));
	}

	public void checkbox(String key, boolean checked) {
		WebElement input = field(key).findElement(By.cssSelector("input[type=checkbox]"));
		if (input.isSelected() != checked) {
			clickInput(input);
		}
		waiting().until((d) -> input.isSelected() == checked);
	}

	/** Ticks the checklist options with these labels. */
	public void checklist(String key, String... labels) {
		WebElement field = field(key);
		for (String label : labels) {
			WebElement option = field.findElement(By.xpath(".//label[normalize-space(.)=" + literal(label) + "]"));
			WebElement input = option.findElement(By.xpath(".//input | preceding-sibling::input[1]"));
			if (!input.isSelected()) {
				clickInput(input);
			}
		}
	}

	/** Chooses the radio option with this label. */
	public void radio(String key, String label) {
		WebElement field = field(key);
		WebElement option = field.findElement(By.xpath(".//label[normalize-space(.)=" + literal(label) + "]"));
		WebElement input = option.findElement(By.xpath(".//input | preceding-sibling::input[1]"));
		clickInput(input);
		waiting().until((d) -> input.isSelected());
	}

	/** Opens the form-js dropdown and picks the option with this label. */
	public void select(String key, String label) {
		WebElement field = field(key);
		field.findElement(By.cssSelector(".fjs-input-group")).click();
		WebElement option = waiting().until((d) -> field.findElements(By.cssSelector(".fjs-dropdownlist-item"))
			.stream()
			.filter((item) -> item.getText().strip().equals(label))
			.findFirst()
			.orElse(null));
		option.click();
		waiting().until((d) -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
	}

	/**
	 * Picks an option of a searchable form-js dropdown (a long code list such as the
	 * countries): types the label to filter the list, then picks it.
	 */
	public void search(String key, String label) {
		WebElement field = field(key);
		WebElement input = field.findElement(By.cssSelector(".fjs-input-group input"));
		input.click();
		input.sendKeys(label);
		WebElement option = waiting().until((d) -> field.findElements(By.cssSelector(".fjs-dropdownlist-item"))
			.stream()
			.filter((item) -> item.getText().strip().equals(label))
			.findFirst()
			.orElse(null));
		option.click();
		waiting().until((d) -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
	}

	/**
	 * The labels a searchable form-js dropdown offers before anything is typed (a list
	 * the server fed to the form, say), closing it again.
	 */
	public List<String> options(String key) {
		WebElement field = field(key);
		WebElement input = field.findElement(By.cssSelector(".fjs-input-group input"));
		input.click();
		List<String> labels = waiting().withMessage(() -> "the options of '" + key + "'").until((d) -> {
			List<String> shown = field.findElements(By.cssSelector(".fjs-dropdownlist-item"))
				.stream()
				.map((item) -> item.getText().strip())
				.toList();
			return shown.isEmpty() ? null : shown;
		});
		input.sendKeys(Keys.ESCAPE);
		return labels;
	}

	/** Opens a searchable form-js dropdown's list and leaves it open (for a picture). */
	public void openOptions(String key) {
		WebElement field = field(key);
		field.findElement(By.cssSelector(".fjs-input-group input")).click();
		waiting().until((d) -> !field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
	}

	/** Types a date into a form-js datepicker, in the format its placeholder shows. */
	public void date(String key, LocalDate date) {
		WebElement input = field(key).findElement(By.cssSelector("input[id$='-date']"));
		typeDate(input, date);
	}

	/** Types a date and a time into a form-js date-time field. */
	public void dateTime(String key, LocalDate date, LocalTime time) {
		WebElement field = field(key);
		typeDate(field.findElement(By.cssSelector("input[id$='-date']")), date);
		WebElement timeInput = field.findElement(By.cssSelector("input[id$='-time']"));
		String text = time.format(DateTimeFormatter.ofPattern("HH:mm"));
		timeInput.click();
		timeInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
		timeInput.sendKeys(Keys.TAB);
		waiting().withMessage(() -> "time '" + text + "' of '" + key + "' to be accepted")
			.until((d) -> text.equals(timeInput.getDomProperty("value")));
	}

	private void typeDate(WebElement input, LocalDate date) {
		String placeholder = input.getDomAttribute("placeholder");
		String pattern = (placeholder == null || placeholder.isBlank()) ? "MM/dd/yyyy"
				: placeholder.replace("mm", "MM");
		String text = date.format(DateTimeFormatter.ofPattern(pattern));
		input.click();
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
		input.sendKeys(Keys.TAB);
		// the picker re-displays the date in its own style (5/14/1990 for 05/14/1990)
		List<Integer> expected = List.of(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
		waiting().withMessage(() -> "date '" + text + "' to be accepted")
			.until((d) -> sameNumbers(input.getDomProperty("value"), expected));
	}

	private static boolean sameNumbers(String shown, List<Integer> expected) {
		if (shown == null || shown.isBlank()) {
			return false;
		}
		List<Integer> numbers = Arrays.stream(shown.split("\\D+"))
			.filter((part) -> !part.isEmpty())
			.map(Integer::valueOf)
			.sorted()
			.toList();
		return numbers.equals(expected.stream().sorted().toList());
	}

	private void clickInput(WebElement input) {
		scrollIntoView(input);
		input.click();
	}

	public void scrollIntoView(WebElement element) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	/**
	 * Scrolls the form so that this field is near the top of the screen (for pictures).
	 */
	public void scrollToField(String key) {
		((JavascriptExecutor) this.driver).executeScript("""
				const field = arguments[0];
				field.scrollIntoView({block: 'start'});
				let box = field.parentElement;
				while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
				if (box) box.scrollTop = Math.max(0, box.scrollTop - 140);
				""", field(key));
	}

	/** Scrolls the start dialog back to its top (for pictures). */
	public void scrollDialogToTop() {
		((JavascriptExecutor) this.driver)
			.executeScript("const modal = document.querySelector('.modal'); if (modal) modal.scrollTop = 0;");
	}

	/** Validation errors form-js shows (they keep Complete disabled). */
	public List<String> validationErrors() {
		return this.driver.findElements(By.cssSelector(".fjs-form-field-error"))
			.stream()
			.map(WebElement::getText)
			.filter((text) -> !text.isBlank())
			.toList();
	}

	public String formText() {
		return this.driver.findElement(By.cssSelector(".fjs-form")).getText();
	}

	// ---------------------------------------------------------------- diagnosis

	public void screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void pageSource(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, this.driver.getPageSource());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---------------------------------------------------------------- helpers

	private static boolean hasClass(WebElement element, String name) {
		String classes = element.getDomAttribute("class");
		return classes != null && (" " + classes + " ").contains(" " + name + " ");
	}

	/** An XPath string literal for any text (quotes included). */
	public static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		if (!text.contains("\"")) {
			return "\"" + text + "\"";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
