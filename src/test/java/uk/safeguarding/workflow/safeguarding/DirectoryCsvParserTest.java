package uk.safeguarding.workflow.safeguarding;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DirectoryCsvParserTest {

	private static final String HEADER = "area_code,area_name,mash_email,adult_safeguarding_email,"
			+ "ictg_service,ictg_email,devolved_child_decisions,secure_email\n";

	private static final String CARDIFF = "W06000015,Cardiff,mash@cardiff.example.gov.uk,"
			+ "adults@cardiff.example.gov.uk,true,ictg-wales@example.org,false,false\n";

	private static final String HARTLEPOOL = "E06000001,Hartlepool,mash@hartlepool.example.gov.uk,"
			+ "adults@hartlepool.example.gov.uk,false,,false,true\n";

	private final DirectoryCsvParser parser = new DirectoryCsvParser();

	@Test
	void goodFile_givesEveryAreaInFileOrder() {
		List<SafeguardingArea> areas = parse(HEADER + CARDIFF + HARTLEPOOL);

		assertThat(areas).containsExactly(
				new SafeguardingArea("W06000015", "Cardiff", "mash@cardiff.example.gov.uk",
						"adults@cardiff.example.gov.uk", true, "ictg-wales@example.org", false, false),
				new SafeguardingArea("E06000001", "Hartlepool", "mash@hartlepool.example.gov.uk",
						"adults@hartlepool.example.gov.uk", false, null, false, true));
		assertThat(areas.get(0).isWales()).isTrue();
		assertThat(areas.get(1).isWales()).isFalse();
	}

	@Test
	void columnsInAnotherOrder_areReadByName() {
		String file = "area_name,area_code,secure_email,devolved_child_decisions,ictg_email,ictg_service,"
				+ "adult_safeguarding_email,mash_email\n"
				+ "Cardiff,W06000015,false,true,ictg-wales@example.org,true,adults@cardiff.example.gov.uk,"
				+ "mash@cardiff.example.gov.uk\n";

		SafeguardingArea cardiff = parse(file).get(0);

		assertThat(cardiff.areaCode()).isEqualTo("W06000015");
		assertThat(cardiff.mashEmail()).isEqualTo("mash@cardiff.example.gov.uk");
		assertThat(cardiff.devolvedChildDecisions()).isTrue();
		assertThat(cardiff.secureEmail()).isFalse();
	}

	@Test
	void quotedFieldWithComma_isOneField() {
		String file = HEADER + "E06000023,\"Bristol, City of\",mash@bristol.example.gov.uk,"
				+ "adults@bristol.example.gov.uk,true,ictg-england@example.org,false,false\n";

		SafeguardingArea bristol = parse(file).get(0);

		assertThat(bristol.areaName()).isEqualTo("Bristol, City of");
		assertThat(bristol.mashEmail()).isEqualTo("mash@bristol.example.gov.uk");
	}

	@Test
	void quotedFieldWithDoubledQuoteAndLineBreak_isOneFieldAndLaterLinesKeepTheirNumbers() {
		String file = HEADER + "E06000023,\"The \"\"Bristol\"\"\nCouncil\",mash@bristol.example.gov.uk,"
				+ "adults@bristol.example.gov.uk,false,,false,false\n" + "E0600001,Bad,,,,,,\n";

		DirectoryFormatException failure = failure(file);

		assertThat(failure.getProblems()).extracting(DirectoryProblem::lineNumber).containsOnly(4);
		List<SafeguardingArea> areas = parse(HEADER + "E06000023,\"The \"\"Bristol\"\"\nCouncil\","
				+ "mash@bristol.example.gov.uk,adults@bristol.example.gov.uk,false,,false,false\n");
		assertThat(areas.get(0).areaName()).isEqualTo("The \"Bristol\"\nCouncil");
	}

	@Test
	void blankLines_areSkippedAndLineNumbersStayThoseOfTheFile() {
		String file = HEADER + "\n" + CARDIFF + "   \n\n" + "E0600001,Nowhere,mash@nowhere.example.gov.uk,"
				+ "adults@nowhere.example.gov.uk,false,,false,false\n";

		assertThat(problems(file)).containsExactly(new DirectoryProblem(6,
				"area_code 'E0600001' is not an ONS code for England or Wales (E or W followed by 8 digits)"));
		assertThat(parse(HEADER + "\n" + CARDIFF + "\n\n" + HARTLEPOOL + "\n")).hasSize(2);
	}

	@Test
	void windowsLineEndingsAndByteOrderMark_areAccepted() {
		String file = "\uFEFF" + (HEADER + CARDIFF + HARTLEPOOL).replace("\n", "\r\n");

		assertThat(parse(file)).extracting(SafeguardingArea::areaCode).containsExactly("W06000015", "E06000001");
	}

	@Test
	void unknownColumn_isReportedOnTheHeaderLine() {
		String file = HEADER.replace("\n", ",police_force\n") + CARDIFF.replace("\n", ",South Wales\n");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(1, "unknown column 'police_force'; the columns are "
					+ DirectoryCsvParser.HEADER + " and, optionally, webhook_url"));
	}

	@Test
	void missingColumn_isReportedOnTheHeaderLine() {
		String file = HEADER.replace(",secure_email", "") + CARDIFF.replace(",false\n", "\n");

		assertThat(problems(file)).containsExactly(new DirectoryProblem(1, "missing column 'secure_email'"));
	}

	@Test
	void repeatedColumn_isReportedOnTheHeaderLine() {
		String file = HEADER.replace("\n", ",area_name\n") + CARDIFF.replace("\n", ",Caerdydd\n");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(1, "column 'area_name' appears more than once"));
	}

	@Test
	void scottishAreaCode_isRejectedBecauseTheDutyToNotifyCoversEnglandAndWalesOnly() {
		String file = HEADER + CARDIFF + "S12000033,Aberdeen City,mash@aberdeen.example.gov.uk,"
				+ "adults@aberdeen.example.gov.uk,false,,false,false\n";

		assertThat(problems(file)).containsExactly(new DirectoryProblem(3,
				"area_code 'S12000033' is not an ONS code for England or Wales (E or W followed by 8 digits)"));
	}

	@Test
	void areaCodeWithTooFewDigits_isRejected() {
		String file = HEADER + "E0600001,Hartlepool,mash@hartlepool.example.gov.uk,"
				+ "adults@hartlepool.example.gov.uk,false,,false,false\n";

		assertThat(problems(file)).containsExactly(new DirectoryProblem(2,
				"area_code 'E0600001' is not an ONS code for England or Wales (E or W followed by 8 digits)"));
	}

	@Test
	void emptyAreaCodeAndName_areRejected() {
		String file = HEADER + ",,mash@x.example.gov.uk,adults@x.example.gov.uk,false,,false,false\n";

		assertThat(problems(file)).containsExactly(new DirectoryProblem(2, "area_code is empty"),
				new DirectoryProblem(2, "area_name is empty"));
	}

	@Test
	void invalidEmail_isRejected() {
		String file = HEADER + CARDIFF.replace("mash@cardiff.example.gov.uk", "mash.cardiff.example.gov.uk");

		assertThat(problems(file)).containsExactly(
				new DirectoryProblem(2, "mash_email 'mash.cardiff.example.gov.uk' is not a valid email address"));
	}

	@Test
	void emailChecks_acceptPlainAddressesAndRejectTheRest() {
		assertThat(DirectoryCsvParser.isValidEmail("mash@cardiff.example.gov.uk")).isTrue();
		assertThat(DirectoryCsvParser.isValidEmail("first.last+mash@example.org")).isTrue();
		assertThat(DirectoryCsvParser.isValidEmail("mash@localhost")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@@example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash @example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash..hub@example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail(".mash@example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@-cardiff.example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@cardiff..example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("MASH <mash@example.org>")).isFalse();
	}

	@Test
	void emptyMashOrAdultEmail_isRejected() {
		String file = HEADER + "W06000015,Cardiff,,,true,ictg-wales@example.org,false,false\n";

		assertThat(problems(file)).containsExactly(new DirectoryProblem(2, "mash_email is empty"),
				new DirectoryProblem(2, "adult_safeguarding_email is empty"));
	}

	@Test
	void booleanOtherThanTrueOrFalse_isRejected() {
		String file = HEADER + CARDIFF.replace("true,ictg-wales", "yes,ictg-wales");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(2, "ictg_service must be true or false, not 'yes'"));
	}

	@Test
	void emptyBoolean_isRejected() {
		String file = HEADER + CARDIFF.replace(",false,false\n", ",,false\n");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(2, "devolved_child_decisions must be true or false, not ''"));
	}

	@Test
	void booleansInCapitals_asSpreadsheetsWriteThem_areAccepted() {
		String file = HEADER
				+ CARDIFF.replace("true,ictg-wales", "TRUE,ictg-wales").replace(",false,false", ",FALSE,False");

		SafeguardingArea cardiff = parse(file).get(0);

		assertThat(cardiff.ictgService()).isTrue();
		assertThat(cardiff.devolvedChildDecisions()).isFalse();
	}

	@Test
	void duplicateAreaCode_namesBothLines() {
		String file = HEADER + CARDIFF + HARTLEPOOL + CARDIFF.replace("Cardiff,", "Caerdydd,");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(4, "area_code W06000015 is a duplicate; it is first at line 2"));
	}

	@Test
	void ictgServiceWithoutIctgEmail_isRejected() {
		String file = HEADER + CARDIFF.replace("ictg-wales@example.org", "");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(2, "ictg_email is required when ictg_service is true"));
	}

	@Test
	void invalidIctgEmail_isRejectedEvenWithoutTheService() {
		String file = HEADER + HARTLEPOOL.replace("false,,false", "false,ictg-england,false");

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(2, "ictg_email 'ictg-england' is not a valid email address"));
	}

	@Test
	void rowWithAnUnquotedComma_isReportedWithAHint() {
		String file = HEADER + "E06000023,Bristol, City of,mash@bristol.example.gov.uk,"
				+ "adults@bristol.example.gov.uk,false,,false,false\n";

		assertThat(problems(file)).containsExactly(
				new DirectoryProblem(2, "expected 8 fields, one for each column of the header, but found 9 "
						+ "(put a value that contains a comma in double quotes)"));
	}

	@Test
	void rowWithTooFewFields_isReported() {
		String file = HEADER + "W06000015,Cardiff,mash@cardiff.example.gov.uk\n";

		assertThat(problems(file)).containsExactly(
				new DirectoryProblem(2, "expected 8 fields, one for each column of the header, but found 3"));
	}

	@Test
	void quoteThatIsNeverClosed_isReportedOnTheLineItOpens() {
		String file = HEADER + CARDIFF + "E06000023,\"Bristol, City of,mash@bristol.example.gov.uk\n" + HARTLEPOOL;

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(3, "a quoted field is not closed (a double quote is missing)"));
	}

	@Test
	void textAfterAClosingQuote_isReported() {
		String file = HEADER + "E06000023,\"Bristol\" City,mash@bristol.example.gov.uk,"
				+ "adults@bristol.example.gov.uk,false,,false,false\n";

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(2, "field 2 has text after its closing double quote"));
	}

	@Test
	void rowThatCannotBeRead_doesNotHideTheProblemsOnTheLinesAfterIt() {
		String file = HEADER + "E06000023,\"Bristol\" City,mash@bristol.example.gov.uk,"
				+ "adults@bristol.example.gov.uk,false,,false,false\n"
				+ CARDIFF.replace("true,ictg-wales", "yes,ictg-wales");

		assertThat(problems(file)).containsExactly(
				new DirectoryProblem(2, "field 2 has text after its closing double quote"),
				new DirectoryProblem(3, "ictg_service must be true or false, not 'yes'"));
	}

	@Test
	void textAfterTheClosingQuoteOfAFieldThatSpansLines_namesThatFieldAndTheLineTheRowStarts() {
		String file = HEADER + CARDIFF + "E06000023,Bristol,\"mash\n@bristol\"x,adults@bristol.example.gov.uk,"
				+ "false,,false,false\n" + HARTLEPOOL;

		assertThat(problems(file))
			.containsExactly(new DirectoryProblem(3, "field 3 has text after its closing double quote"));
	}

	@Test
	void spacesAroundAQuotedField_areAllowed() {
		String file = HEADER + "E06000023, \"Bristol, City of\" ,mash@bristol.example.gov.uk,"
				+ "adults@bristol.example.gov.uk,false,,false,false\n";

		assertThat(parse(file).get(0).areaName()).isEqualTo("Bristol, City of");
	}

	@Test
	void emailChecks_refuseWhatAMailServerMayNotRoute() {
		assertThat(DirectoryCsvParser.isValidEmail("\"mash hub\"@example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@[192.0.2.1]")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("maš@example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@example.123")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@cardiff-.example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("a".repeat(65) + "@example.org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("mash@" + "a".repeat(250) + ".org")).isFalse();
		assertThat(DirectoryCsvParser.isValidEmail("")).isFalse();
	}

	@Test
	void emptyFile_asksForTheHeader() {
		assertThat(problems("\n\n")).containsExactly(new DirectoryProblem(1,
				"the file is empty; the first line must be the header " + DirectoryCsvParser.HEADER));
	}

	@Test
	void headerWithoutAreas_isRejected() {
		assertThat(problems(HEADER)).containsExactly(new DirectoryProblem(1, "the file has a header but no areas"));
	}

	@Test
	void everyProblemInTheFile_isReportedAtOnceInLineOrder() {
		String file = HEADER + CARDIFF.replace("true,ictg-wales", "yes,ictg-wales")
				+ "S12000033,Aberdeen City,mash@aberdeen.example.gov.uk,adults@aberdeen.example.gov.uk,false,,false,false\n"
				+ HARTLEPOOL + HARTLEPOOL.replace("mash@hartlepool.example.gov.uk", "not-an-email");

		DirectoryFormatException failure = failure(file);

		assertThat(failure.getProblems()).extracting(DirectoryProblem::lineNumber).containsExactly(2, 3, 5, 5);
		assertThat(failure.getMessage()).isEqualTo("The safeguarding directory has 4 problems:\n"
				+ "line 2: ictg_service must be true or false, not 'yes'\n"
				+ "line 3: area_code 'S12000033' is not an ONS code for England or Wales (E or W followed by 8 digits)\n"
				+ "line 5: area_code E06000001 is a duplicate; it is first at line 4\n"
				+ "line 5: mash_email 'not-an-email' is not a valid email address");
	}

	private List<SafeguardingArea> parse(String csv) {
		return this.parser.parse(new StringReader(csv));
	}

	private List<DirectoryProblem> problems(String csv) {
		return failure(csv).getProblems();
	}

	private DirectoryFormatException failure(String csv) {
		DirectoryFormatException failure = catchThrowableOfType(DirectoryFormatException.class,
				() -> this.parser.parse(new StringReader(csv)));
		assertThat(failure).as("the parser should have rejected the file").isNotNull();
		return failure;
	}

}
