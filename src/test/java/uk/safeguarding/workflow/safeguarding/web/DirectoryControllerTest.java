package uk.safeguarding.workflow.safeguarding.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import uk.safeguarding.workflow.safeguarding.DirectoryAdministration;
import uk.safeguarding.workflow.safeguarding.DirectoryAdministration.ImportResult;
import uk.safeguarding.workflow.safeguarding.DirectoryFormatException;
import uk.safeguarding.workflow.safeguarding.DirectoryProblem;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.UnknownAreaException;
import uk.safeguarding.workflow.victimcase.web.WebSliceTest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The directory's REST API on its own: who may use it, and the answers an administrator's
 * page relies on. The servlet filters (the login) are left out: the signed-in user is
 * what the engine's identity service says.
 */
// the slice context all web slice tests share
@WebSliceTest
class DirectoryControllerTest {

	private static final SafeguardingArea CARDIFF = new SafeguardingArea("W06000015", "Cardiff",
			"mash@cardiff.example.gov.uk", "adults@cardiff.example.gov.uk", true, "ictg-wales@example.org", false,
			false);

	private static final String CARDIFF_JSON = """
			{"areaCode": "W06000015", "areaName": "Cardiff", "mashEmail": "mash@cardiff.example.gov.uk",
			 "adultSafeguardingEmail": "adults@cardiff.example.gov.uk", "ictgService": true,
			 "ictgEmail": "ictg-wales@example.org", "devolvedChildDecisions": false, "secureEmail": false}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	IdentityService identity;

	@Test
	void nobodySignedIn_isAskedToLogIn() throws Exception {
		this.mvc.perform(get("/api/directory")).andExpect(status().isUnauthorized());

		then(this.directory).should(never()).list();
	}

	@Test
	void userWhoIsNotAnAdministrator_canNeitherReadNorChangeTheDirectory() throws Exception {
		signedIn("officer", "officers");

		this.mvc.perform(get("/api/directory")).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/directory").contentType(MediaType.APPLICATION_JSON).content(CARDIFF_JSON))
			.andExpect(status().isForbidden());

		then(this.directory).should(never()).list();
		then(this.directory).should(never()).add(any(), anyString());
	}

	@Test
	void userAdministrator_listsTheAreas() throws Exception {
		signedIn("alex", "user-administrators");
		given(this.directory.list()).willReturn(List.of(CARDIFF));

		this.mvc.perform(get("/api/directory"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].areaCode").value("W06000015"))
			.andExpect(jsonPath("$[0].ictgEmail").value("ictg-wales@example.org"));
	}

	@Test
	void addedArea_isCreated_inTheAdministratorsName() throws Exception {
		signedIn("admin", "camunda-admin");
		given(this.directory.add(CARDIFF, "admin")).willReturn(CARDIFF);

		this.mvc.perform(post("/api/directory").contentType(MediaType.APPLICATION_JSON).content(CARDIFF_JSON))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.areaName").value("Cardiff"));
	}

	@Test
	void areaThatFailsTheFilesChecks_isRefusedWithEachProblemAndItsLine() throws Exception {
		signedIn("admin", "camunda-admin");
		given(this.directory.change(eq("W06000015"), any(), eq("admin"))).willThrow(new DirectoryFormatException(List
			.of(new DirectoryProblem(2, "mash_email 'mash.cardiff.example.gov.uk' is not a valid email address"))));

		this.mvc
			.perform(put("/api/directory/W06000015").contentType(MediaType.APPLICATION_JSON)
				.content(CARDIFF_JSON.replace("mash@cardiff", "mash.cardiff")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].line").value(2))
			.andExpect(jsonPath("$.problems[0].reason")
				.value("mash_email 'mash.cardiff.example.gov.uk' is not a valid email address"));
	}

	@Test
	void areaWithoutItsRequiredFields_isABadRequest_notAServerError() throws Exception {
		signedIn("admin", "camunda-admin");

		this.mvc
			.perform(post("/api/directory").contentType(MediaType.APPLICATION_JSON).content("{\"areaName\": \"x\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/directory").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest());

		then(this.directory).should(never()).add(any(), anyString());
	}

	@Test
	void changeToAnAreaNotInTheDirectory_isNotFound() throws Exception {
		signedIn("admin", "camunda-admin");
		given(this.directory.change(eq("E06000099"), any(), eq("admin")))
			.willThrow(new UnknownAreaException("E06000099"));

		this.mvc
			.perform(put("/api/directory/E06000099").contentType(MediaType.APPLICATION_JSON)
				.content(CARDIFF_JSON.replace("W06000015", "E06000099")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").exists());
	}

	@Test
	void csvImport_answersWhatItChanged() throws Exception {
		signedIn("admin", "camunda-admin");
		given(this.directory.importCsv("the file", "admin")).willReturn(new ImportResult(1, 2, 3));

		this.mvc.perform(post("/api/directory/import").contentType("text/csv").content("the file"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(1))
			.andExpect(jsonPath("$.changed").value(2))
			.andExpect(jsonPath("$.unchanged").value(3));
	}

	private void signedIn(String userId, String group) {
		given(this.identity.getCurrentAuthentication()).willReturn(new Authentication(userId, List.of(group)));
	}

}
