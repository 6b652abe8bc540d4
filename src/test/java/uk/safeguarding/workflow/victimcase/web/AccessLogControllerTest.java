package uk.safeguarding.workflow.victimcase.web;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import uk.safeguarding.workflow.victimcase.AccessLogEntry;
import uk.safeguarding.workflow.victimcase.AccessLogEntry.Operation;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A case's access log over REST (Data Protection Act 2018 s62): managers only, as JSON or
 * as a CSV file for a subject access request, and every reading is itself logged.
 */
// the slice context all web slice tests share
@WebSliceTest
class AccessLogControllerTest {

	private static final String REFERENCE = "MSHT-2026-000042";

	@Autowired
	MockMvc mvc;

	@Autowired
	VictimCaseService cases;

	@Autowired
	IdentityService identity;

	@Test
	void manager_readsTheLog_andTheReadingIsLogged() throws Exception {
		signedIn("manager", "managers");
		given(this.cases.accessLog(REFERENCE)).willReturn(List.of(entry("officer", Operation.COLLECTION, "report")));

		this.mvc.perform(get("/api/access-log/" + REFERENCE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].userId").value("officer"))
			.andExpect(jsonPath("$[0].operation").value("COLLECTION"))
			.andExpect(jsonPath("$[0].at").value("2026-11-30T10:15:00Z"));

		then(this.cases).should().recordConsultation(REFERENCE, "manager", "GET /api/access-log/" + REFERENCE);
	}

	@Test
	void export_isACsvFileWhoseQuotedValuesSurviveCommasAndQuotes() throws Exception {
		signedIn("manager", "managers");
		given(this.cases.accessLog(REFERENCE))
			.willReturn(List.of(entry("officer", Operation.CONSULTATION, "review, \"urgent\"")));

		this.mvc.perform(get("/api/access-log/" + REFERENCE + "/export"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"access-log-" + REFERENCE + ".csv\""))
			.andExpect(content().string("at,user,operation,purpose\n"
					+ "2026-11-30T10:15:00Z,\"officer\",CONSULTATION,\"review, \"\"urgent\"\"\"\n"));
	}

	@Test
	void userWhoIsNotAManager_isRefused_andNothingIsRead() throws Exception {
		signedIn("officer", "officers");

		this.mvc.perform(get("/api/access-log/" + REFERENCE)).andExpect(status().isForbidden());

		then(this.cases).should(never()).accessLog(anyString());
		then(this.cases).should(never()).recordConsultation(anyString(), anyString(), anyString());
	}

	@Test
	void nobodySignedIn_isAskedToLogIn() throws Exception {
		this.mvc.perform(get("/api/access-log/" + REFERENCE + "/export")).andExpect(status().isUnauthorized());

		then(this.cases).should(never()).accessLog(anyString());
	}

	@Test
	void caseThatDoesNotExist_isNotFound_andNoReadingIsLogged() throws Exception {
		signedIn("manager", "managers");
		given(this.cases.accessLog("MSHT-2026-999999")).willReturn(List.of());

		this.mvc.perform(get("/api/access-log/MSHT-2026-999999")).andExpect(status().isNotFound());

		then(this.cases).should(never()).recordConsultation(anyString(), anyString(), anyString());
	}

	private static AccessLogEntry entry(String userId, Operation operation, String purpose) {
		return new AccessLogEntry(Instant.parse("2026-11-30T10:15:00Z"), userId, REFERENCE, operation, purpose);
	}

	private void signedIn(String userId, String group) {
		given(this.identity.getCurrentAuthentication()).willReturn(new Authentication(userId, List.of(group)));
	}

}
