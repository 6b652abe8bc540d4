package uk.safeguarding.workflow.victimcase.web;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.web.CurrentUser;
import uk.safeguarding.workflow.web.CurrentUsers;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case page on its own: a stranger gets the same 404 as for no case and nothing is
 * read or logged; a change sent without the page's form token is refused and nothing is
 * done; a person not signed in is sent to sign in and back.
 */
@WebSliceTest
class CasePageControllerTest {

	private static final String REFERENCE = "MSHT-2026-000042";

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentUsers users;

	@Autowired
	VictimCaseService cases;

	@Autowired
	CaseAccess access;

	@Autowired
	CaseActions actions;

	@Test
	void stranger_getsTheSameNotFoundAsForNoCase_andNoReadingIsLogged() throws Exception {
		signedIn("liaison", Groups.VICTIM_LIAISON);
		VictimCase record = mock(VictimCase.class);
		given(record.getProcessInstanceId()).willReturn("process-instance-42");
		given(this.cases.find(REFERENCE)).willReturn(Optional.of(record));
		given(this.access.maySee("liaison", "process-instance-42")).willReturn(false);

		this.mvc.perform(get("/cases/" + REFERENCE)).andExpect(status().isNotFound());
		this.mvc.perform(get("/cases/MSHT-2026-999999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/cases/" + REFERENCE + "/print/nrm")).andExpect(status().isNotFound());

		then(this.cases).should(never()).consult(anyString(), anyString(), anyString());
	}

	@Test
	void changeWithoutThePagesFormToken_isRefused_andNothingIsDone() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);

		this.mvc.perform(post("/cases/" + REFERENCE + "/missing")).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/cases/" + REFERENCE + "/consent-withdrawn").param("confirmWithdrawal", "yes")
				.param("formToken", "guessed"))
			.andExpect(status().isForbidden());

		then(this.actions).shouldHaveNoInteractions();
		then(this.cases).should(never()).find(anyString());
	}

	@Test
	void nobodySignedIn_isSentToSignIn_andBackToTheCase() throws Exception {
		this.mvc.perform(get("/cases/" + REFERENCE))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/signin?next=%2Fcases%2F" + REFERENCE));

		then(this.cases).should(never()).find(anyString());
	}

	private void signedIn(String userId, String group) {
		given(this.users.of(any())).willReturn(Optional.of(new CurrentUser(userId, Set.of(group))));
	}

}
