package uk.safeguarding.workflow.victimcase.web;

import java.util.List;
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

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * "My cases" and the search by case reference on their own: a reference found opens its
 * case page; one that is not a reference, or a case the person may not see, is answered
 * on the page with what to do, and a case nobody may see reads the same as no case.
 */
@WebSliceTest
class CaseListControllerTest {

	private static final String REFERENCE = "MSHT-2026-000042";

	@Autowired
	MockMvc mvc;

	@Autowired
	CurrentUsers users;

	@Autowired
	VictimCaseService cases;

	@Autowired
	CaseAccess access;

	@Test
	void referenceOfACaseThePersonMaySee_opensItsPage_whateverTheCaseAndSpaces() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);
		existing(true);

		this.mvc.perform(get("/cases").queryParam("reference", "  msht-2026-000042 "))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cases/" + REFERENCE));
	}

	@Test
	void textThatIsNotAReference_isAnsweredOnThePage_withTheFormatToUse() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);

		this.mvc.perform(get("/cases").queryParam("reference", "Smith"))
			.andExpect(status().isOk())
			.andExpect(view().name("cases/list"))
			.andExpect(model().attribute("problem", "Enter a case reference like MSHT-2026-000123."))
			.andExpect(content().string(containsString("There is a problem")));

		then(this.cases).should(never()).find(any());
	}

	@Test
	void caseThePersonMayNotSee_readsTheSameAsNoCase() throws Exception {
		signedIn("liaison", Groups.VICTIM_LIAISON);
		existing(false);

		this.mvc.perform(get("/cases").queryParam("reference", REFERENCE))
			.andExpect(status().isOk())
			.andExpect(model().attribute("problem", "No case " + REFERENCE + " that you can see."));
		this.mvc.perform(get("/cases").queryParam("reference", "MSHT-2026-999999"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("problem", "No case MSHT-2026-999999 that you can see."));
	}

	@Test
	void officer_seesNoTeamList_andTheTeamsCasesAreNotRead() throws Exception {
		signedIn("officer", Groups.FIRST_RESPONDERS);

		this.mvc.perform(get("/cases"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("oversees", false))
			.andExpect(model().attribute("team", List.of()));

		then(this.cases).should(never()).openCases();
	}

	private void existing(boolean maySee) {
		VictimCase record = mock(VictimCase.class);
		given(record.getProcessInstanceId()).willReturn("process-instance-42");
		given(this.cases.find(REFERENCE)).willReturn(Optional.of(record));
		given(this.access.maySee(any(), any())).willReturn(maySee);
	}

	private void signedIn(String userId, String group) {
		given(this.users.of(any())).willReturn(Optional.of(new CurrentUser(userId, Set.of(group))));
	}

}
