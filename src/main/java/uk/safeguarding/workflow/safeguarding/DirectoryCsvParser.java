package uk.safeguarding.workflow.safeguarding;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a safeguarding directory CSV file into {@link SafeguardingArea areas}.
 * <p>
 * The file is RFC 4180 CSV with the header {@value #HEADER}. Columns may come in any
 * order; every column is required and no other column is allowed. Fields may be enclosed
 * in double quotes (to hold a comma, a line break or a doubled {@code ""} quote);
 * unquoted fields are trimmed. Blank lines are skipped. Boolean columns take {@code true}
 * or {@code false} (in any letter case).
 * <p>
 * Every problem in the file is collected, not just the first, and reported together in
 * one {@link DirectoryFormatException} with the line number of each.
 */
public class DirectoryCsvParser {

	/** The header of a directory file, in the order the default file uses. */
	public static final String HEADER = "area_code,area_name,mash_email,adult_safeguarding_email,"
			+ "ictg_service,ictg_email,devolved_child_decisions,secure_email";

	/** The columns a directory file must have. */
	public static final List<String> COLUMNS = List.of(HEADER.split(","));

	/**
	 * Columns a directory file may have: {@code webhook_url}, an area's hub API (https),
	 * empty when the area is notified by email.
	 */
	public static final List<String> OPTIONAL_COLUMNS = List.of("webhook_url");

	private static final String WEBHOOK_URL = "webhook_url";

	private static final String AREA_CODE = "area_code";

	private static final String AREA_NAME = "area_name";

	private static final String MASH_EMAIL = "mash_email";

	private static final String ADULT_SAFEGUARDING_EMAIL = "adult_safeguarding_email";

	private static final String ICTG_SERVICE = "ictg_service";

	private static final String ICTG_EMAIL = "ictg_email";

	private static final String DEVOLVED_CHILD_DECISIONS = "devolved_child_decisions";

	private static final String SECURE_EMAIL = "secure_email";

	/**
	 * RFC 4180; blank lines are kept so that every record's line number can be told (and
	 * are then skipped); spaces around a quoted field are allowed.
	 */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setIgnoreSurroundingSpaces(true)
		.get();

	/** England or Wales: the Duty to Notify covers only those two nations. */

	/**
	 * Parses a directory file. The reader is read to the end but not closed.
	 * @param reader the CSV text
	 * @return the areas in file order
	 * @throws DirectoryFormatException listing every problem, when the file has any
	 * @throws UncheckedIOException when the reader fails
	 */
	public List<SafeguardingArea> parse(Reader reader) {
		List<DirectoryProblem> problems = new ArrayList<>();
		List<CsvRecord> records = readRecords(reader, problems);
		List<SafeguardingArea> areas = new ArrayList<>();
		if (records.isEmpty()) {
			if (problems.isEmpty()) {
				problems.add(new DirectoryProblem(1, "the file is empty; the first line must be the header " + HEADER));
			}
			throw new DirectoryFormatException(problems);
		}
		CsvRecord header = records.get(0);
		Map<String, Integer> columns = readHeader(header, problems);
		if (columns != null) {
			Map<String, Integer> firstLineOfArea = new HashMap<>();
			for (CsvRecord row : records.subList(1, records.size())) {
				if (row.error() != null) {
					problems.add(new DirectoryProblem(row.lineNumber(), row.error()));
					continue;
				}
				SafeguardingArea area = readRow(row, header.fields().size(), columns, firstLineOfArea, problems);
				if (area != null) {
					areas.add(area);
				}
			}
			if (records.size() == 1 && problems.isEmpty()) {
				problems.add(new DirectoryProblem(header.lineNumber(), "the file has a header but no areas"));
			}
		}
		if (!problems.isEmpty()) {
			problems.sort((left, right) -> Integer.compare(left.lineNumber(), right.lineNumber()));
			throw new DirectoryFormatException(problems);
		}
		return List.copyOf(areas);
	}

	/**
	 * Whether a value is an email address the directory accepts: a plain
	 * {@code local@domain} address, no display name, no quoted local part, no IP-literal
	 * domain.
	 * @param value the value to check
	 * @return {@code true} when it is an acceptable address
	 */
	static boolean isValidEmail(String value) {
		return value != null && !value.isEmpty() && EmailAddress.isValid(value);
	}

	static boolean isValidWebhookUrl(String value) {
		return WebhookAddress.isAcceptable(value);
	}

	private Map<String, Integer> readHeader(CsvRecord header, List<DirectoryProblem> problems) {
		int line = header.lineNumber();
		if (header.error() != null) {
			problems.add(new DirectoryProblem(line, "the header cannot be read: " + header.error()));
			return null;
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		boolean valid = true;
		for (int i = 0; i < header.fields().size(); i++) {
			String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				problems.add(new DirectoryProblem(line, "header column " + (i + 1) + " has no name"));
				valid = false;
			}
			else if (!COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
				problems.add(new DirectoryProblem(line, "unknown column '" + name + "'; the columns are " + HEADER
						+ " and, optionally, " + String.join(",", OPTIONAL_COLUMNS)));
			}
			else if (columns.putIfAbsent(name, i) != null) {
				problems.add(new DirectoryProblem(line, "column '" + name + "' appears more than once"));
			}
		}
		for (String column : COLUMNS) {
			if (!columns.containsKey(column)) {
				problems.add(new DirectoryProblem(line, "missing column '" + column + "'"));
				valid = false;
			}
		}
		return valid ? columns : null;
	}

	private SafeguardingArea readRow(CsvRecord row, int expected, Map<String, Integer> columns,
			Map<String, Integer> firstLineOfArea, List<DirectoryProblem> problems) {
		int line = row.lineNumber();
		int found = row.fields().size();
		if (found != expected) {
			String hint = (found > expected) ? " (put a value that contains a comma in double quotes)" : "";
			problems.add(new DirectoryProblem(line,
					"expected " + expected + " fields, one for each column of the header, but found " + found + hint));
			return null;
		}
		int problemsBefore = problems.size();
		Fields fields = new Fields(row, columns);

		String areaCode = fields.get(AREA_CODE);
		if (areaCode.isEmpty()) {
			problems.add(new DirectoryProblem(line, "area_code is empty"));
		}
		else if (!SafeguardingArea.isAreaCode(areaCode)) {
			problems.add(new DirectoryProblem(line, "area_code '" + areaCode
					+ "' is not an ONS code for England or Wales (E or W followed by 8 digits)"));
		}
		else {
			Integer firstLine = firstLineOfArea.putIfAbsent(areaCode, line);
			if (firstLine != null) {
				problems.add(new DirectoryProblem(line,
						"area_code " + areaCode + " is a duplicate; it is first at line " + firstLine));
			}
		}
		String areaName = fields.get(AREA_NAME);
		if (areaName.isEmpty()) {
			problems.add(new DirectoryProblem(line, "area_name is empty"));
		}
		String mashEmail = requiredEmail(fields, MASH_EMAIL, line, problems);
		String adultEmail = requiredEmail(fields, ADULT_SAFEGUARDING_EMAIL, line, problems);
		Boolean ictgService = bool(fields, ICTG_SERVICE, line, problems);
		String ictgEmail = fields.get(ICTG_EMAIL);
		if (ictgEmail.isEmpty()) {
			if (Boolean.TRUE.equals(ictgService)) {
				problems.add(new DirectoryProblem(line, "ictg_email is required when ictg_service is true"));
			}
		}
		else if (!isValidEmail(ictgEmail)) {
			problems.add(new DirectoryProblem(line, "ictg_email '" + ictgEmail + "' is not a valid email address"));
		}
		Boolean devolved = bool(fields, DEVOLVED_CHILD_DECISIONS, line, problems);
		Boolean secure = bool(fields, SECURE_EMAIL, line, problems);
		String webhookUrl = columns.containsKey(WEBHOOK_URL) ? fields.get(WEBHOOK_URL) : "";
		if (!webhookUrl.isEmpty() && !isValidWebhookUrl(webhookUrl)) {
			problems.add(new DirectoryProblem(line,
					"webhook_url '" + webhookUrl + "' is not an https address (http is allowed only for localhost)"));
		}
		if (problems.size() > problemsBefore) {
			return null;
		}
		return new SafeguardingArea(areaCode, areaName, mashEmail, adultEmail, ictgService,
				ictgEmail.isEmpty() ? null : ictgEmail, devolved, secure, webhookUrl.isEmpty() ? null : webhookUrl);
	}

	private String requiredEmail(Fields fields, String column, int line, List<DirectoryProblem> problems) {
		String value = fields.get(column);
		if (value.isEmpty()) {
			problems.add(new DirectoryProblem(line, column + " is empty"));
		}
		else if (!isValidEmail(value)) {
			problems.add(new DirectoryProblem(line, column + " '" + value + "' is not a valid email address"));
		}
		return value;
	}

	private Boolean bool(Fields fields, String column, int line, List<DirectoryProblem> problems) {
		String value = fields.get(column);
		if ("true".equalsIgnoreCase(value)) {
			return Boolean.TRUE;
		}
		if ("false".equalsIgnoreCase(value)) {
			return Boolean.FALSE;
		}
		problems.add(new DirectoryProblem(line, column + " must be true or false, not '" + value + "'"));
		return null;
	}

	/**
	 * Splits the text into records with Commons CSV (RFC 4180): a quoted field may hold
	 * commas, line breaks and doubled quotes. Blank lines are skipped. A record that
	 * cannot be read is reported and left out, and reading goes on at the next line, so
	 * that one stray quote does not hide the problems after it.
	 */
	private List<CsvRecord> readRecords(Reader reader, List<DirectoryProblem> problems) {
		String text = readAll(reader);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Integer> lineStarts = lineStarts(text);
		List<CsvRecord> records = new ArrayList<>();
		int line = 1;
		while (line <= lineStarts.size()) {
			line = readFrom(text, lineStarts, line, records, problems);
		}
		return records;
	}

	/**
	 * Reads records from a line on, to the end or to the first record that cannot be
	 * read.
	 * @return the line to go on from: the one after the unreadable record, or past the
	 * end
	 */
	private int readFrom(String text, List<Integer> lineStarts, int firstLine, List<CsvRecord> records,
			List<DirectoryProblem> problems) {
		int offset = lineStarts.get(firstLine - 1);
		try (CSVParser csv = CSVParser.parse(text.substring(offset), FORMAT)) {
			Iterator<CSVRecord> rows = csv.iterator();
			while (true) {
				// the parser counts the line breaks it has read: the next record starts
				// after them
				int line = firstLine + (int) csv.getCurrentLineNumber();
				int start = lineStarts.get(Math.min(line, lineStarts.size()) - 1);
				try {
					if (!rows.hasNext()) {
						return Integer.MAX_VALUE;
					}
					CSVRecord row = rows.next();
					if (!(row.size() == 1 && row.get(0).isBlank())) {
						records.add(new CsvRecord(line, row.toList(), null));
					}
				}
				catch (UncheckedIOException ex) {
					if (!(ex.getCause() instanceof CSVException)) {
						throw ex;
					}
					// a quote still open at the end of the text: the rest of the file is
					// that field
					if (ex.getCause().getMessage().contains("EOF")) {
						problems.add(
								new DirectoryProblem(line, "a quoted field is not closed (a double quote is missing)"));
						return Integer.MAX_VALUE;
					}
					int errorLine = firstLine - 1 + (int) csv.getCurrentLineNumber();
					int end = (errorLine < lineStarts.size()) ? lineStarts.get(errorLine) : text.length();
					records.add(new CsvRecord(line, List.of(),
							"field " + fieldWithTextAfterQuote(text.substring(start, end))
									+ " has text after its closing double quote"));
					return errorLine + 1;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the safeguarding directory", ex);
		}
	}

	/**
	 * Which field of a record has text after its closing quote: Commons CSV says where
	 * the record fails, not which field, and the message names the field for the person
	 * fixing the file.
	 */
	private static int fieldWithTextAfterQuote(String record) {
		int field = 1;
		boolean quoted = false;
		boolean afterQuote = false;
		for (char c : record.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
				afterQuote = !quoted;
			}
			else if (!quoted && c == ',') {
				field++;
				afterQuote = false;
			}
			else if (afterQuote && !Character.isWhitespace(c)) {
				return field;
			}
		}
		return field;
	}

	/** Where each line of the text starts: \n, \r\n and a lone \r end a line. */
	private static List<Integer> lineStarts(String text) {
		List<Integer> starts = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			starts.add(start);
			int next = start;
			while (next < text.length() && text.charAt(next) != '\n' && text.charAt(next) != '\r') {
				next++;
			}
			if (next < text.length() && text.charAt(next) == '\r' && next + 1 < text.length()
					&& text.charAt(next + 1) == '\n') {
				next++;
			}
			start = next + 1;
		}
		return starts;
	}

	private static String readAll(Reader reader) {
		StringWriter text = new StringWriter();
		try {
			reader.transferTo(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the safeguarding directory", ex);
		}
		return text.toString();
	}

	/** One record of the file; {@code error} is set when it could not be read. */
	private record CsvRecord(int lineNumber, List<String> fields, String error) {
	}

	/** The trimmed values of one row, by column name. */
	private static final class Fields {

		private final CsvRecord row;

		private final Map<String, Integer> columns;

		Fields(CsvRecord row, Map<String, Integer> columns) {
			this.row = row;
			this.columns = columns;
		}

		String get(String column) {
			return this.row.fields().get(this.columns.get(column)).trim();
		}

	}

}
