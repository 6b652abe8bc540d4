package uk.safeguarding.workflow.safeguarding;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the directory shipped with the application
 * ({@code src/main/resources/directory/safeguarding-directory.csv}).
 */
class DefaultDirectoryTest {

	/** The 22 Welsh principal areas; W06000007 and W06000017 are not in use. */
	private static final Map<String, String> WELSH_PRINCIPAL_AREAS = Map.ofEntries(
			Map.entry("W06000001", "Isle of Anglesey"), Map.entry("W06000002", "Gwynedd"),
			Map.entry("W06000003", "Conwy"), Map.entry("W06000004", "Denbighshire"),
			Map.entry("W06000005", "Flintshire"), Map.entry("W06000006", "Wrexham"),
			Map.entry("W06000008", "Ceredigion"), Map.entry("W06000009", "Pembrokeshire"),
			Map.entry("W06000010", "Carmarthenshire"), Map.entry("W06000011", "Swansea"),
			Map.entry("W06000012", "Neath Port Talbot"), Map.entry("W06000013", "Bridgend"),
			Map.entry("W06000014", "Vale of Glamorgan"), Map.entry("W06000015", "Cardiff"),
			Map.entry("W06000016", "Rhondda Cynon Taf"), Map.entry("W06000018", "Caerphilly"),
			Map.entry("W06000019", "Blaenau Gwent"), Map.entry("W06000020", "Torfaen"),
			Map.entry("W06000021", "Monmouthshire"), Map.entry("W06000022", "Newport"), Map.entry("W06000023", "Powys"),
			Map.entry("W06000024", "Merthyr Tydfil"));

	private static List<SafeguardingArea> areas;

	private static Map<String, SafeguardingArea> byCode;

	@BeforeAll
	static void parseTheShippedFile() throws IOException {
		ClassPathResource file = new ClassPathResource("directory/safeguarding-directory.csv");
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			areas = new DirectoryCsvParser().parse(reader);
		}
		byCode = areas.stream().collect(Collectors.toMap(SafeguardingArea::areaCode, Function.identity()));
	}

	@Test
	void shippedFile_hasTheExactHeader() throws IOException {
		String text = new ClassPathResource("directory/safeguarding-directory.csv")
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(text.lines().findFirst()).contains(DirectoryCsvParser.HEADER);
	}

	@Test
	void shippedFile_coversEveryEnglishAndWelshSocialServicesAuthority() {
		// 21 county councils, 62 unitary authorities and the Isles of Scilly, 36
		// metropolitan
		// districts, 32 London boroughs and the City of London, 22 Welsh principal areas.
		assertThat(areas).hasSizeGreaterThan(150).hasSize(175);
		assertThat(areas).filteredOn((area) -> area.areaCode().startsWith("E10")).hasSize(21);
		assertThat(areas).filteredOn((area) -> area.areaCode().startsWith("E06")).hasSize(63);
		assertThat(areas).filteredOn((area) -> area.areaCode().startsWith("E08")).hasSize(36);
		assertThat(areas).filteredOn((area) -> area.areaCode().startsWith("E09")).hasSize(33);
		assertThat(areas).filteredOn(SafeguardingArea::isWales).hasSize(22);
	}

	@Test
	void cardiff_isCoveredByIctg() {
		SafeguardingArea cardiff = byCode.get("W06000015");

		assertThat(cardiff.areaName()).isEqualTo("Cardiff");
		assertThat(cardiff.ictgService()).isTrue();
		assertThat(cardiff.ictgEmail()).isEqualTo("ictg-wales@example.org");
	}

	@Test
	void everyWelshPrincipalArea_isPresentWithItsName() {
		Map<String, String> welsh = areas.stream()
			.filter(SafeguardingArea::isWales)
			.collect(Collectors.toMap(SafeguardingArea::areaCode, SafeguardingArea::areaName));

		assertThat(welsh).isEqualTo(WELSH_PRINCIPAL_AREAS);
	}

	@Test
	void everyWelshArea_isCoveredByIctg() {
		assertThat(areas).filteredOn(SafeguardingArea::isWales)
			.allSatisfy((area) -> assertThat(area.ictgService()).as(area.areaName()).isTrue());
	}

	@Test
	void unitaryAuthoritiesOf2019To2023_haveTheirCurrentCodes() {
		assertThat(byCode).containsKeys("E06000058", "E06000059", "E06000060", "E06000061", "E06000062", "E06000063",
				"E06000064", "E06000065", "E06000066");
		assertThat(byCode.get("E06000063").areaName()).isEqualTo("Cumberland");
		assertThat(byCode.get("E06000064").areaName()).isEqualTo("Westmorland and Furness");
		assertThat(byCode.get("E06000065").areaName()).isEqualTo("North Yorkshire");
		assertThat(byCode.get("E06000066").areaName()).isEqualTo("Somerset");
		// Abolished: Bournemouth, Poole, Northumberland (old code), Gateshead (old code),
		// Buckinghamshire, Cumbria, Dorset, Northamptonshire, North Yorkshire and
		// Somerset
		// county councils
		assertThat(byCode).doesNotContainKeys("E06000028", "E06000029", "E06000048", "E08000020", "E10000002",
				"E10000006", "E10000009", "E10000021", "E10000023", "E10000027");
	}

	@Test
	void everyEmail_isAPlaceholderUnderAnExampleDomain() {
		assertThat(areas).allSatisfy((area) -> {
			assertThat(domain(area.mashEmail())).as(area.areaName()).matches("(.+\\.)?example\\..+");
			assertThat(domain(area.adultSafeguardingEmail())).as(area.areaName()).matches("(.+\\.)?example\\..+");
			if (area.ictgEmail() != null) {
				assertThat(domain(area.ictgEmail())).as(area.areaName()).matches("(.+\\.)?example\\..+");
			}
		});
	}

	@Test
	void noAreaIsMarkedSecureOrAsADevolvedDecisionSite() {
		assertThat(areas).noneMatch(SafeguardingArea::secureEmail);
		assertThat(areas).noneMatch(SafeguardingArea::devolvedChildDecisions);
	}

	private static String domain(String email) {
		return email.substring(email.indexOf('@') + 1);
	}

	@Test
	void theStartFormListsEveryAreaOfTheShippedDirectory_byName_sendingItsCode() throws IOException {
		com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(java.nio.file.Path.of("forms", "report-potential-victim.form").toFile());
		Map<String, String> listed = new java.util.LinkedHashMap<>();
		form.findParents("key")
			.stream()
			.filter((field) -> "areaCode".equals(field.path("key").asText()))
			.findFirst()
			.orElseThrow()
			.path("values")
			.forEach((option) -> listed.put(option.path("value").asText(), option.path("label").asText()));

		assertThat(listed)
			.as("the area list of the start form (after changing the shipped file, run tools/forms/update-area-list.py)")
			.containsExactlyInAnyOrderEntriesOf(
					areas.stream().collect(Collectors.toMap(SafeguardingArea::areaCode, SafeguardingArea::areaName)));
		assertThat(listed).containsEntry("E08000025", "Birmingham").containsEntry("W06000015", "Cardiff");
	}

}
