package uk.safeguarding.workflow.victimcase.web;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case record's REST API on its own: a case is read only by someone connected to it,
 * a stranger gets the same 404 as for no case (and no reading is logged), and a notice's
 * resolution is answered with a 4xx that says what is wrong, never a 500.
 */
@WebSliceTest
class CaseControllerTest {

	private static final String REFERENCE = "MSHT-2026-000042";

	private static final String INSTANCE = "process-instance-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Autowired
	VictimCaseService cases;

	@Autowired
	CaseAccess access;

	@Autowired
	NotificationOutbox notifications;

	@Test
	void personConnectedToTheCase_readsIt_andTheReadingIsLogged() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);
		VictimCase record = existing(true);
		given(this.cases.consult(REFERENCE, "officer", "GET /api/cases/" + REFERENCE)).willReturn(Optional.of(record));

		this.mvc.perform(get("/api/cases/" + REFERENCE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value(REFERENCE))
			.andExpect(jsonPath("$.chronology").isArray());

		then(this.cases).should().consult(REFERENCE, "officer", "GET /api/cases/" + REFERENCE);
	}

	@Test
	void nobodySignedIn_isAskedToLogIn_andNothingIsRead() throws Exception {
		this.mvc.perform(get("/api/cases/" + REFERENCE)).andExpect(status().isUnauthorized());

		then(this.cases).should(never()).find(anyString());
	}

	@Test
	void stranger_getsTheSameNotFoundAsForNoCase_andNoReadingIsLogged() throws Exception {
		signedIn("liaison", Groups.VICTIM_LIAISON);
		existing(false);

		this.mvc.perform(get("/api/cases/" + REFERENCE))
			.andExpect(status().isNotFound())
			.andExpect(status().reason("No case " + REFERENCE + "."));
		this.mvc.perform(get("/api/cases/MSHT-2026-999999"))
			.andExpect(status().isNotFound())
			.andExpect(status().reason("No case MSHT-2026-999999."));

		then(this.cases).should(never()).consult(anyString(), anyString(), anyString());
	}

	@Test
	void resolutionThatDoesNotSayWhetherItWasDelivered_isABadRequest_andNothingChanges() throws Exception {
		signedIn("supervisor", Groups.SUPERVISORS);
		consulted();

		this.mvc
			.perform(post("/api/cases/" + REFERENCE + "/notifications/7/resolution")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(status().reason("Say whether it was delivered: {\"delivered\": true}"));

		then(this.notifications).should(never()).resolve(anyString(), anyLong(), anyBoolean(), anyString());
	}

	/**
	 * The body is read by the same JSON converter as in production (Jackson): a test
	 * dependency that brought kotlinx.serialization made this a 400 with no message.
	 */
	@Test
	void resolutionThatSaysDeliveredIsNull_isABadRequest_thatSaysWhatToSend() throws Exception {
		signedIn("supervisor", Groups.SUPERVISORS);
		consulted();

		this.mvc
			.perform(post("/api/cases/" + REFERENCE + "/notifications/7/resolution")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"delivered\": null}"))
			.andExpect(status().isBadRequest())
			.andExpect(status().reason("Say whether it was delivered: {\"delivered\": true}"));

		then(this.notifications).should(never()).resolve(anyString(), anyLong(), anyBoolean(), anyString());
	}

	@Test
	void resolutionByAnOfficer_isRefused_andNothingChanges() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);
		consulted();

		this.mvc
			.perform(post("/api/cases/" + REFERENCE + "/notifications/7/resolution")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"delivered\": true}"))
			.andExpect(status().isForbidden());

		then(this.notifications).should(never()).resolve(anyString(), anyLong(), anyBoolean(), anyString());
	}

	@Test
	void resolutionOfANoticeThatNeedsNone_isAConflict_thatSaysWhy() throws Exception {
		signedIn("supervisor", Groups.SUPERVISORS);
		consulted();
		willThrow(new IllegalStateException("Notification 7 was sent: nothing to resolve")).given(this.notifications)
			.resolve(REFERENCE, 7L, true, "supervisor");

		this.mvc
			.perform(post("/api/cases/" + REFERENCE + "/notifications/7/resolution")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"delivered\": true}"))
			.andExpect(status().isConflict())
			.andExpect(status().reason("Notification 7 was sent: nothing to resolve"));
	}

	@Test
	void resolutionThatIsNotJson_isABadRequest() throws Exception {
		signedIn("supervisor", Groups.SUPERVISORS);
		consulted();

		this.mvc
			.perform(post("/api/cases/" + REFERENCE + "/notifications/7/resolution")
				.contentType(MediaType.APPLICATION_JSON)
				.content("delivered=yes"))
			.andExpect(status().isBadRequest());

		then(this.notifications).should(never()).resolve(anyString(), anyLong(), anyBoolean(), anyString());
	}

	private VictimCase existing(boolean maySee) {
		VictimCase record = mock(VictimCase.class);
		given(record.getReference()).willReturn(REFERENCE);
		given(record.getProcessInstanceId()).willReturn(INSTANCE);
		given(this.cases.find(REFERENCE)).willReturn(Optional.of(record));
		given(this.access.maySee(anyString(), anyString())).willReturn(maySee);
		return record;
	}

	private void consulted() {
		VictimCase record = existing(true);
		given(this.cases.consult(anyString(), anyString(), anyString())).willReturn(Optional.of(record));
	}

	private void signedIn(String userId, String group) {
		given(this.identity.getCurrentAuthentication()).willReturn(new Authentication(userId, List.of(group)));
	}

}
