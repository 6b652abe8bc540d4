package uk.safeguarding.workflow.oversight.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import uk.safeguarding.workflow.oversight.Dashboard;
import uk.safeguarding.workflow.oversight.Dashboard.OverdueStep;
import uk.safeguarding.workflow.oversight.Dashboard.Trends;
import uk.safeguarding.workflow.oversight.OversightFilters;
import uk.safeguarding.workflow.oversight.OversightService;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.victimcase.web.WebSliceTest;
import uk.safeguarding.workflow.web.CurrentUser;
import uk.safeguarding.workflow.web.CurrentUsers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The oversight dashboard and its CSV on their own: who may see them, what a supervisor
 * sees, and a filter the page does not offer answered with 400 and the filter named.
 */
@WebSliceTest
class OversightControllerTest {

	private static final OverdueStep OVERDUE = new OverdueStep("task-1", "UserTask_RecordCrime", "Record crime",
			"MSHT-2026-000001", "W06000015", "Cardiff", "ADULT", "supervisor", Instant.parse("2026-11-20T11:30:00Z"),
			Duration.ofHours(26), 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentUsers users;

	@Autowired
	OversightService oversight;

	@Test
	void supervisor_seesTheOverdueStepsOfTheirCases_eachWithItsCaseAndItsStepInTasklist() throws Exception {
		signedIn("supervisor", Groups.SUPERVISORS);
		given(this.oversight.dashboard(any(), any())).willReturn(dashboard(OVERDUE));

		this.mvc.perform(get("/oversight"))
			.andExpect(status().isOk())
			.andExpect(view().name("oversight/dashboard"))
			.andExpect(content().string(containsString("href=\"/cases/MSHT-2026-000001\"")))
			.andExpect(content().string(containsString("/camunda/app/tasklist/default/#/?task=task-1")))
			.andExpect(content().string(containsString("1 day 2 hours")))
			.andExpect(content().string(containsString("Level 1: case supervisor told")))
			.andExpect(header().string("Content-Security-Policy", startsWith("default-src 'self'")));
	}

	@Test
	void officer_isRefusedTheDashboardAndItsCsv_andNothingIsRead() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);

		this.mvc.perform(get("/oversight")).andExpect(status().isForbidden());
		this.mvc.perform(get("/oversight/overdue.csv")).andExpect(status().isForbidden());

		then(this.oversight).should(never()).dashboard(any(), any());
		then(this.oversight).should(never()).forEachOverdue(any(), any(), any());
	}

	@Test
	void nobodySignedIn_isSentToSignIn_andBackToTheFilteredDashboard() throws Exception {
		this.mvc.perform(get("/oversight").queryParam("period", "30"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/signin?next=%2Foversight%3Fperiod%3D30"));

		then(this.oversight).should(never()).dashboard(any(), any());
	}

	@Test
	void periodThePageDoesNotOffer_isABadRequest_thatNamesTheFilter() throws Exception {
		signedIn("manager", Groups.MANAGERS);

		this.mvc.perform(get("/oversight").queryParam("period", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("oversight/invalid-filter"))
			.andExpect(model().attribute("filterName", "period"))
			.andExpect(content().string(containsString("Period must be 7, 30 or 90 days")));
		this.mvc.perform(get("/oversight/overdue.csv").queryParam("area", "<script>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andExpect(content().string(startsWith("area: ")))
			.andExpect(content().string(not(containsString("<script>"))));

		then(this.oversight).should(never()).dashboard(any(), any());
	}

	@Test
	void csv_isAFileOfEveryOverdueStep_inThePagesColumns_neverCached() throws Exception {
		signedIn("manager", Groups.MANAGERS);
		willAnswer((call) -> {
			call.<Consumer<OverdueStep>>getArgument(2).accept(OVERDUE);
			return null;
		}).given(this.oversight).forEachOverdue(any(), any(), any());

		this.mvc.perform(get("/oversight/overdue.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"overdue-steps.csv\""))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(OverdueCsv.of(dashboard(OVERDUE))))
			.andExpect(content().string(containsString("MSHT-2026-000001,Record crime,UserTask_RecordCrime")));
	}

	private void signedIn(String userId, String group) {
		given(this.users.of(any())).willReturn(Optional.of(new CurrentUser(userId, Set.of(group))));
	}

	private static Dashboard dashboard(OverdueStep... steps) {
		return new Dashboard(OversightFilters.none(), Instant.parse("2026-11-21T12:00:00Z"), List.of(steps),
				steps.length, List.of(), List.of(), List.of(), List.of(), 0, List.of(),
				new Trends(List.of(), List.of(), List.of(), List.of(), 0, Instant.parse("2026-11-21T12:00:00Z")));
	}

}
