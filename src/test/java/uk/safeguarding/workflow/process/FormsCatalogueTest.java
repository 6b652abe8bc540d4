package uk.safeguarding.workflow.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every Camunda Form in {@code forms/} parses, is named after its file, targets the
 * form-js line that Tasklist 7.24 renders, and captures exactly the variables that
 * {@code docs/variables-and-forms.md} lists for it.
 */
class FormsCatalogueTest {

	private static final Path FORMS = Path.of("forms");

	private static final Path CATALOGUE = Path.of("docs", "variables-and-forms.md");

	private static final String START_FORM = "report-potential-victim";

	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
			"radio", "select", "datetime", "taglist");

	private static final List<String> CATALOGUE_FORMS = List.of(START_FORM, "record-immediate-safeguarding",
			"record-crime", "allocate-investigator", "deploy-victim-liaison", "record-childrens-services-referral",
			"record-strategy-discussion", "assess-victim-needs", "agree-victim-strategy", "seek-informed-consent",
			"submit-nrm-referral", "submit-duty-to-notify", "arrange-alternative-support", "revisit-consent",
			"record-reasonable-grounds-decision", "record-conclusive-grounds-decision", "consider-reconsideration",
			"conduct-supervisory-review", "respond-to-missing-victim", "review-case-closure",
			"inform-competent-authority-of-age", "seek-adult-support-consent", "refer-dependant-children",
			"conduct-return-interview", "inform-competent-authority-of-withdrawal");

	private static final List<String> CONSENT_CHECKLIST = List.of("nrmExplained", "supportExplained",
			"outcomesExplained", "informationSharingExplained", "withdrawalExplained", "capacityConsidered",
			"professionalInterpreterUsed", "consentToPoliceContact", "consentToVictimCareSupport");

	private static final Pattern DECLARED_KEY = Pattern.compile("`([a-z][A-Za-z0-9]*)`:");

	private static final Pattern MENTIONED_NAME = Pattern.compile("`([a-z][A-Za-z0-9]*)`");

	private static final Pattern START_ROW = Pattern.compile("^\\| `([a-z][A-Za-z0-9]*)` \\|");

	private final ObjectMapper objectMapper = new ObjectMapper();

	static Stream<Path> formFiles() throws IOException {
		try (Stream<Path> files = Files.list(FORMS)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".form")).sorted().toList().stream();
		}
	}

	@Test
	void formsFolder_holdsExactlyTheCatalogueForms() throws IOException {
		List<String> ids = formFiles().map(FormsCatalogueTest::formId).toList();
		assertThat(ids).containsExactlyInAnyOrderElementsOf(CATALOGUE_FORMS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void form_isValidJsonNamedAfterItsFileForTasklist724(Path file) throws IOException {
		JsonNode form = read(file);
		assertThat(form.path("id").asText()).as("id").isEqualTo(formId(file));
		assertThat(form.path("type").asText()).as("type").isEqualTo("default");
		assertThat(form.path("schemaVersion").isInt()).as("schemaVersion is a number").isTrue();
		assertThat(form.path("schemaVersion").asInt()).as("schemaVersion").isEqualTo(16);
		assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
		assertThat(form.path("executionPlatformVersion").asText()).startsWith("7.24.");
		assertThat(form.path("components").isArray()).as("components").isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void form_hasUniqueComponentIdsAndUniqueNonBlankInputKeys(Path file) throws IOException {
		List<JsonNode> components = components(read(file));
		assertThat(components).isNotEmpty();
		assertThat(components).allSatisfy((component) -> assertThat(component.path("id").asText()).isNotBlank());
		assertThat(components.stream().map((component) -> component.path("id").asText())).doesNotHaveDuplicates();
		List<JsonNode> inputs = components.stream()
			.filter((component) -> INPUT_TYPES.contains(component.path("type").asText()))
			.toList();
		assertThat(inputs).isNotEmpty();
		assertThat(inputs)
			.allSatisfy((input) -> assertThat(input.path("key").asText()).as("key of %s", input.path("id").asText())
				.isNotBlank());
		assertThat(inputs.stream().map((input) -> input.path("key").asText())).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void form_capturesTheVariablesItsCatalogueRowLists(Path file) throws IOException {
		String id = formId(file);
		Set<String> keys = keys(id);
		if (START_FORM.equals(id)) {
			assertThat(keys).containsExactlyInAnyOrderElementsOf(startFormCatalogueKeys());
			return;
		}
		String fields = taskFormCatalogueFields().get("revisit-consent".equals(id) ? "seek-informed-consent" : id);
		assertThat(fields).as("catalogue row for %s", id).isNotNull();
		assertThat(keys).as("keys the catalogue declares for %s", id).containsAll(matches(DECLARED_KEY, fields));
		assertThat(matches(MENTIONED_NAME, fields)).as("names the catalogue mentions for %s", id).containsAll(keys);
	}

	@Test
	void startForm_capturesEveryContractStartVariableWithItsType() throws IOException {
		Map<String, JsonNode> fields = inputs(START_FORM);
		assertThat(fields).containsKeys("areaCode", "exploitationTypes", "ageUncertain", "mayBeUnder18", "dateOfBirth",
				"estimatedAge", "immediateRisk", "careAndSupportNeeds", "interpreterLanguage", "victimName");
		// picked by name from a searchable list, sending the ONS code (the list is the
		// directory's: DefaultDirectoryTest)
		assertThat(fields.get("areaCode").path("type").asText()).isEqualTo("select");
		assertThat(fields.get("areaCode").path("searchable").asBoolean()).isTrue();
		assertThat(optionValues(fields.get("areaCode"))).isNotEmpty()
			.allSatisfy((code) -> assertThat(code).matches("[EW][0-9]{8}"));
		assertThat(optionValues(fields.get("exploitationTypes"))).containsExactly("SEXUAL", "LABOUR", "CRIMINAL",
				"DOMESTIC_SERVITUDE", "ORGAN_HARVESTING", "OTHER");
		assertThat(fields.get("dateOfBirth").path("type").asText()).isEqualTo("datetime");
		assertThat(fields.get("dateOfBirth").path("subtype").asText()).isEqualTo("date");
		assertThat(fields.get("estimatedAge").path("type").asText()).isEqualTo("number");
		assertThat(fields.get("estimatedAge").path("decimalDigits").asInt(-1)).isZero();
		assertThat(fields.get("interpreterLanguage").path("type").asText()).isEqualTo("textfield");
		assertThat(fields.get("victimName").path("type").asText()).isEqualTo("textfield");
		for (String key : List.of("ageUncertain", "mayBeUnder18", "immediateRisk", "careAndSupportNeeds")) {
			assertThat(isBoolean(fields.get(key))).as("%s submits a boolean", key).isTrue();
		}
		for (String key : List.of("areaCode", "exploitationTypes", "ageUncertain", "immediateRisk",
				"careAndSupportNeeds", "victimName")) {
			assertThat(isRequired(fields.get(key))).as("%s is required", key).isTrue();
		}
		assertThat(fields.get("mayBeUnder18").at("/conditional/hide").asText()).contains("ageUncertain");
		assertThat(isRequired(fields.get("mayBeUnder18"))).as("mayBeUnder18 is required when shown").isTrue();
		assertThat(fields.get("interpreterLanguage").at("/conditional/hide").asText()).contains("interpreterNeeded");
	}

	@Test
	void consentForms_captureTheInformedConsentChecklistAndTheOutcome() throws IOException {
		for (String id : List.of("seek-informed-consent", "revisit-consent")) {
			Map<String, JsonNode> fields = inputs(id);
			assertThat(fields.keySet()).as(id)
				.containsAll(CONSENT_CHECKLIST)
				.contains("nrmConsent", "consentExplainedBy", "consentNotes")
				.hasSize(CONSENT_CHECKLIST.size() + 3);
			for (String item : CONSENT_CHECKLIST) {
				assertThat(fields.get(item).path("type").asText()).as("%s in %s", item, id).isEqualTo("checkbox");
			}
			assertThat(optionValues(fields.get("nrmConsent"))).as(id)
				.containsExactlyInAnyOrder("GIVEN", "DECLINED", "UNDECIDED");
			assertThat(isRequired(fields.get("nrmConsent"))).as("nrmConsent required in %s", id).isTrue();
		}
	}

	@Test
	void decisionAndResponderForms_useTheContractValues() throws IOException {
		assertThat(optionValues(inputs("record-reasonable-grounds-decision").get("reasonableGroundsDecision")))
			.containsExactlyInAnyOrder("POSITIVE", "NEGATIVE");
		assertThat(optionValues(inputs("record-conclusive-grounds-decision").get("conclusiveGroundsDecision")))
			.containsExactlyInAnyOrder("POSITIVE", "NEGATIVE");
		assertThat(optionValues(inputs("record-strategy-discussion").get("agreedFirstResponder")))
			.containsExactlyInAnyOrder("POLICE", "LOCAL_AUTHORITY", "OTHER");
	}

	private JsonNode read(Path file) {
		JsonNode form;
		try {
			form = this.objectMapper.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new AssertionError(file + " is not valid JSON: " + ex.getMessage(), ex);
		}
		assertThat(form != null && form.isObject()).as("%s holds a JSON object", file).isTrue();
		return form;
	}

	private Map<String, JsonNode> inputs(String formId) {
		Map<String, JsonNode> inputs = new LinkedHashMap<>();
		for (JsonNode component : components(read(FORMS.resolve(formId + ".form")))) {
			if (INPUT_TYPES.contains(component.path("type").asText())) {
				inputs.put(component.path("key").asText(), component);
			}
		}
		return inputs;
	}

	private Set<String> keys(String formId) {
		return inputs(formId).keySet();
	}

	private static List<JsonNode> components(JsonNode parent) {
		List<JsonNode> all = new ArrayList<>();
		for (JsonNode component : parent.path("components")) {
			all.add(component);
			all.addAll(components(component));
		}
		return all;
	}

	private static List<String> optionValues(JsonNode field) {
		assertThat(field).as("field").isNotNull();
		List<String> values = new ArrayList<>();
		field.path("values").forEach((option) -> values.add(option.path("value").asText()));
		return values;
	}

	private static boolean isBoolean(JsonNode field) {
		String type = field.path("type").asText();
		if ("checkbox".equals(type)) {
			return true;
		}
		if (!"radio".equals(type) || field.path("values").isEmpty()) {
			return false;
		}
		for (JsonNode option : field.path("values")) {
			if (!option.path("value").isBoolean()) {
				return false;
			}
		}
		return true;
	}

	private static boolean isRequired(JsonNode field) {
		return field.at("/validate/required").asBoolean(false);
	}

	private static String formId(Path file) {
		return file.getFileName().toString().replaceFirst("\\.form$", "");
	}

	private static Set<String> matches(Pattern pattern, String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The first column of the start form's table: one row per start variable. */
	private static Set<String> startFormCatalogueKeys() throws IOException {
		Set<String> keys = new LinkedHashSet<>();
		boolean inStartSection = false;
		for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
			if (line.startsWith("## ")) {
				inStartSection = line.contains("`" + START_FORM + "`");
			}
			Matcher row = START_ROW.matcher(line);
			if (inStartSection && row.find()) {
				keys.add(row.group(1));
			}
		}
		if (keys.isEmpty()) {
			fail("no start form table found in " + CATALOGUE);
		}
		return keys;
	}

	/** Form id to the "fields" cell of its row in the human steps table. */
	private static Map<String, String> taskFormCatalogueFields() throws IOException {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
			if (line.startsWith("| `UserTask_")) {
				String[] cells = line.split("\\|");
				assertThat(cells).as("cells in catalogue row %s", line).hasSizeGreaterThanOrEqualTo(5);
				rows.put(cells[2].trim().replace("`", ""), cells[4]);
			}
		}
		return rows;
	}

}
