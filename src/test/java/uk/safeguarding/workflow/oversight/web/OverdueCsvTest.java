package uk.safeguarding.workflow.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.oversight.Dashboard;
import uk.safeguarding.workflow.oversight.Dashboard.OverdueStep;
import uk.safeguarding.workflow.oversight.Dashboard.Trends;
import uk.safeguarding.workflow.oversight.OversightFilters;

class OverdueCsvTest {

	@Test
	void oneRowPerOverdueStep_inThePagesOrder_withEveryColumn() {
		Instant due = Instant.parse("2026-11-20T11:30:00Z");
		Dashboard dashboard = dashboard(
				new OverdueStep("t1", "UserTask_RecordCrime", "Record crime", "MSHT-2026-000001", "W06000015",
						"Cardiff", "ADULT", "supervisor", due, Duration.ofHours(26), 2),
				new OverdueStep("t2", "UserTask_AllocateInvestigator", "Allocate investigator", "MSHT-2026-000002",
						"E08000025", "Birmingham", "CHILD", null, due, Duration.ofMinutes(5), 0));
		assertThat(OverdueCsv.of(dashboard).split("\r\n")).containsExactly(OverdueCsv.HEADER,
				"MSHT-2026-000001,Record crime,UserTask_RecordCrime,Cardiff,W06000015,ADULT,supervisor,"
						+ "2026-11-20T11:30:00Z,1 day 2 hours,2,/camunda/app/tasklist/default/#/?task=t1",
				"MSHT-2026-000002,Allocate investigator,UserTask_AllocateInvestigator,Birmingham,E08000025,CHILD,,"
						+ "2026-11-20T11:30:00Z,5 minutes,0,/camunda/app/tasklist/default/#/?task=t2");
	}

	@Test
	void cells_thatASpreadsheetWouldRunOrSplit_areQuotedAsText() {
		assertThat(OverdueCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(OverdueCsv.cell("Bristol, City of")).isEqualTo("\"Bristol, City of\"");
		assertThat(OverdueCsv.cell("@cmd")).isEqualTo("'@cmd");
		assertThat(OverdueCsv.cell(null)).isEmpty();
	}

	private static Dashboard dashboard(OverdueStep... steps) {
		return new Dashboard(OversightFilters.none(), Instant.now(), List.of(steps), steps.length, List.of(), List.of(),
				List.of(), List.of(), 0, List.of(),
				new Trends(List.of(), List.of(), List.of(), List.of(), 0, Instant.now()));
	}

}
