package uk.safeguarding.workflow.safeguarding;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SafeguardingDirectoryTest {

	private final SafeguardingDirectory directory = directoryAt("classpath:safeguarding/test-directory.csv");

	@Test
	void find_givesTheAreaForItsCode() {
		assertThat(this.directory.find("W06000015")).hasValueSatisfying((cardiff) -> {
			assertThat(cardiff.areaName()).isEqualTo("Cardiff");
			assertThat(cardiff.ictgService()).isTrue();
		});
	}

	@Test
	void find_ignoresSurroundingSpacesAndLetterCase() {
		assertThat(this.directory.find(" w06000015 ")).map(SafeguardingArea::areaName).contains("Cardiff");
	}

	@Test
	void find_unknownOrMissingCode_isEmpty() {
		assertThat(this.directory.find("E06000001")).isEmpty();
		assertThat(this.directory.find(null)).isEmpty();
	}

	@Test
	void require_givesTheArea() {
		assertThat(this.directory.require("E09000008").areaName()).isEqualTo("Croydon");
	}

	@Test
	void require_unknownCode_tellsTheUserWhatToDo() {
		assertThatExceptionOfType(UnknownAreaException.class).isThrownBy(() -> this.directory.require("S12000033"))
			.withMessage("Area code 'S12000033' is not in the safeguarding directory. Check the ONS code "
					+ "(England E…, Wales W…) or ask an administrator to add the area.")
			.satisfies((ex) -> assertThat(ex.getAreaCode()).isEqualTo("S12000033"));
	}

	@Test
	void all_isSortedByName() {
		assertThat(this.directory.all()).extracting(SafeguardingArea::areaName)
			.containsExactly("Bristol, City of", "Cardiff", "Croydon", "North Yorkshire");
		assertThat(this.directory.size()).isEqualTo(4);
	}

	@Test
	void replaceAll_swapsTheWholeDirectory() {
		SafeguardingArea hartlepool = new SafeguardingArea("E06000001", "Hartlepool", "mash@hartlepool.example.gov.uk",
				"adults@hartlepool.example.gov.uk", false, null, false, false);

		this.directory.replaceAll(List.of(hartlepool));

		assertThat(this.directory.all()).containsExactly(hartlepool);
		assertThat(this.directory.find("W06000015")).isEmpty();
	}

	@Test
	void replaceAll_withARepeatedCode_isRefusedAndKeepsTheDirectory() {
		SafeguardingArea cardiff = this.directory.require("W06000015");

		assertThatIllegalArgumentException().isThrownBy(() -> this.directory.replaceAll(List.of(cardiff, cardiff)))
			.withMessage("Area code W06000015 appears more than once");
		assertThat(this.directory.size()).isEqualTo(4);
	}

	@Test
	void defaultLocation_loadsTheShippedDirectory() {
		SafeguardingDirectory shipped = new SafeguardingDirectory(new DefaultResourceLoader(),
				new DirectoryProperties());

		assertThat(shipped.size()).isGreaterThan(150);
		assertThat(shipped.require("W06000015").areaName()).isEqualTo("Cardiff");
	}

	@Test
	void fileWithProblems_stopsStartUpListingEveryProblem() {
		assertThatIllegalStateException()
			.isThrownBy(() -> directoryAt("classpath:safeguarding/test-directory-with-problems.csv"))
			.withMessageStartingWith("Could not load the safeguarding directory from "
					+ "'classpath:safeguarding/test-directory-with-problems.csv' (property safeguarding.directory.location)")
			.withMessageContaining("line 3: area_code 'S12000033' is not an ONS code for England or Wales")
			.withMessageContaining("line 4: area_code W06000015 is a duplicate; it is first at line 2")
			.withCauseInstanceOf(DirectoryFormatException.class);
	}

	@Test
	void missingFile_stopsStartUpNamingTheLocation() {
		assertThatIllegalStateException().isThrownBy(() -> directoryAt("classpath:safeguarding/no-such-file.csv"))
			.withMessage("Could not load the safeguarding directory from 'classpath:safeguarding/no-such-file.csv' "
					+ "(property safeguarding.directory.location): there is no file at that location");
	}

	private static SafeguardingDirectory directoryAt(String location) {
		DirectoryProperties properties = new DirectoryProperties();
		properties.setLocation(location);
		return new SafeguardingDirectory(new DefaultResourceLoader(), properties);
	}

}
