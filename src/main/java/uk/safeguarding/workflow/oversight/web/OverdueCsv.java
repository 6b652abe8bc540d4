package uk.safeguarding.workflow.oversight.web;

import java.time.format.DateTimeFormatter;

import uk.safeguarding.workflow.oversight.Dashboard;
import uk.safeguarding.workflow.oversight.Dashboard.OverdueStep;

/**
 * The "Overdue now" table as CSV (RFC 4180): the same columns, in the same order, as the
 * page, for every overdue step (the page lists the first {@link Dashboard#ROWS}). A value
 * a spreadsheet would run as a formula is written as text.
 */
final class OverdueCsv {

	static final String HEADER = "Case reference,Step,Step id,Area,Area code,Pathway,Supervisor,Due,Overdue by,"
			+ "Escalation level,Tasklist link";

	private OverdueCsv() {
	}

	static String of(Dashboard dashboard) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (OverdueStep step : dashboard.overdue()) {
			csv.append(row(step));
		}
		return csv.toString();
	}

	/** One overdue step as a line of the CSV (with its line break). */
	static String row(OverdueStep step) {
		return String.join(",", cell(step.caseReference()), cell(step.stepName()), cell(step.step()),
				cell(step.areaName()), cell(step.areaCode()), cell(step.pathway()), cell(step.supervisor()),
				cell(DateTimeFormatter.ISO_INSTANT.format(step.due())), cell(step.overdueText()),
				String.valueOf(step.escalationLevel()), cell(step.tasklistLink())) + "\r\n";
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
