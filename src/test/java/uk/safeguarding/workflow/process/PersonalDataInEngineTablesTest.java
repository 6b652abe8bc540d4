package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.DeliveryJobs;
import uk.safeguarding.workflow.EngineTables;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Events;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Messages;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.UserTasks;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.SafeguardingDirectory;

/**
 * Property 4, "personal data stays where it belongs": on every path of the journey,
 * driven over the engine REST API as the real users would (Tasklist's form submissions on
 * some paths, an API client's completions on the others), no name, date of birth, address
 * or free text reaches any engine table, runtime or history.
 * <p>
 * Every personal or free-text field of every step completed (found in the step's deployed
 * form: every text area, and every field {@link PersonalData} keeps in the case record)
 * and every message payload carries a value of its own, so a hit names the path, step and
 * field that leaked. The engine's tables are searched after every step and message (a
 * value that is removed later still persisted meanwhile), and once more at the end.
 * Timers are fired by executing this class's own timer jobs, never by moving the engine
 * clock, which the shared application's other tests also use.
 * <p>
 * Each path test proves its own journey, whatever ran before it: where the journey stands
 * at its end, none of its values in an engine table after any of its steps (a search of
 * every row of every engine table for the values of that case alone, so a hit names the
 * case, step and field), every one of them in the case record, and every notice it caused
 * delivered. A last test, which drives nothing, proves the paths together walk the whole
 * model: every user task, every message and timer, every personal field of every form
 * (each path test fails if its journey is not offered a step its path takes, so what the
 * paths walk is what the journeys walked).
 */
@SharedApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataInEngineTablesTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

	/** Preferred areas, when the shared directory has not been changed by other tests. */
	static final List<String> PREFERRED_AREAS = List.of("W06000015", "E06000001");

	static final String PREFIX = "Zephyrine-Qx";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	DataSource dataSource;

	@Autowired
	SafeguardingDirectory directory;

	/** An area with an ICTG service, notified by plain email. */
	String ictgArea;

	/** An area without an ICTG service, notified by plain email. */
	String noIctgArea;

	BpmnModelInstance model;

	/**
	 * Per step (and the start event): the form fields that must never reach the engine.
	 */
	final Map<String, Set<String>> personalFields = new TreeMap<>();

	@BeforeAll
	void readTheModelAndItsForms() throws Exception {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.latestVersion()
			.singleResult();
		this.model = this.repository.getBpmnModelInstance(definition.getId());
		StartEvent start = this.model.getModelElementById(Events.START);
		this.personalFields.put(Events.START, personalFieldsOf(start.getCamundaFormRef()));
		for (UserTask task : this.model.getModelElementsByType(UserTask.class)) {
			this.personalFields.put(task.getId(), personalFieldsOf(task.getCamundaFormRef()));
		}
		assertThat(this.personalFields.get(Events.START)).contains("victimName", "dateOfBirth", "circumstancesNotes");
		// the directory is shared, and other tests change areas (a secure channel, a
		// webhook): choose areas whose notices go by plain email, so that every path
		// takes the steps it means to
		this.ictgArea = area(true);
		this.noIctgArea = area(false);
	}

	String area(boolean ictg) {
		return this.directory.all()
			.stream()
			.filter((area) -> area.ictgService() == ictg && !area.secureEmail() && area.webhookUrl() == null)
			.map(SafeguardingArea::areaCode)
			.sorted(Comparator.comparing((String code) -> !PREFERRED_AREAS.contains(code)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no area in the directory " + (ictg ? "with" : "without") + " ICTG, notified by plain email"));
	}

	Map<String, Object> adult() {
		return withArea(JourneyFixtures.adultReport(), this.ictgArea);
	}

	Map<String, Object> child() {
		return withArea(JourneyFixtures.childReport(), this.ictgArea);
	}

	/**
	 * A form's fields that hold personal data or free text: every text area, and every
	 * text or date field the case record keeps.
	 */
	static Set<String> personalFieldsOf(String formRef) throws Exception {
		assertThat(formRef).as("every step has a form").isNotNull();
		try (InputStream form = new ClassPathResource("forms/" + formRef + ".form").getInputStream()) {
			Set<String> fields = new TreeSet<>();
			collect(new ObjectMapper().readTree(form), fields);
			return fields;
		}
	}

	private static void collect(JsonNode node, Set<String> fields) {
		for (JsonNode component : node.path("components")) {
			String type = component.path("type").asText();
			String key = component.path("key").asText(null);
			// a text field whose pattern admits only codes (exploitationPlace: an ONS
			// area or
			// an ISO country code) cannot carry free text to look for
			boolean coded = component.path("validate").has("pattern");
			if (key != null && (type.equals("textarea") || (Set.of("textfield", "datetime").contains(type)
					&& PersonalData.isCaseRecordOnly(key) && !coded))) {
				fields.add(key);
			}
			collect(component, fields);
		}
	}

	// ------------------------------------------------------------------ the paths

	/**
	 * A path of the journey: who drives it (Tasklist's forms or an API client), and how.
	 */
	record Path(String id, boolean byForm, Script script) {
	}

	@FunctionalInterface
	interface Script {

		void walk(Journey journey) throws Exception;

	}

	List<Path> paths() {
		return List.of(new Path("P01", false, this::p01), new Path("P02", true, this::p02),
				new Path("P03", false, this::p03), new Path("P04", true, this::p04), new Path("P05", false, this::p05),
				new Path("P06", true, this::p06), new Path("P07", true, this::p07), new Path("P08", false, this::p08),
				new Path("P09", true, this::p09), new Path("P10", false, this::p10));
	}

	/**
	 * Drives one path over REST and waits for its notices: the journey, for its test to
	 * assert on.
	 */
	Journey walk(String id) throws Exception {
		Path path = paths().stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
		Journey journey = new Journey(id, path.byForm(), false);
		path.script().walk(journey);
		journey.runJobs();
		return journey;
	}

	void p01(Journey journey) throws Exception {
		Map<String, Object> withChildren = adult();
		withChildren.put("dependantChildrenPresent", true);
		journey.start(withChildren, adultBirthDate(1));
		journey.step("officer", UserTasks.RECORD_CRIME);
		journey.step("officer", UserTasks.REFER_DEPENDANT_CHILDREN);
		journey.step("supervisor", UserTasks.ALLOCATE_INVESTIGATOR);
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("liaison", UserTasks.ASSESS_VICTIM_NEEDS);
		journey.step("supervisor", UserTasks.AGREE_VICTIM_STRATEGY);
		journey.ageAssessed(true, adultBirthDate(11));
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT);
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
		journey.consentWithdrawn();
		journey.step("officer", UserTasks.INFORM_COMPETENT_AUTHORITY_OF_WITHDRAWAL);
		journey.step("officer", UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		journey.step("officer", UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION);
		journey.step("supervisor", UserTasks.REVIEW_CASE_CLOSURE, "closureReason", "CONCLUSIVE_DECISION");
	}

	void p02(Journey journey) throws Exception {
		Map<String, Object> report = adult();
		report.put("careAndSupportNeeds", true);
		journey.start(report, adultBirthDate(2));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT, "nrmConsent", "DECLINED");
		journey.step("officer", UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		journey.step("liaison", UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		journey.fireTimer(Events.REVISIT_CONSENT_DUE);
		journey.step("liaison", UserTasks.REVISIT_CONSENT);
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
		journey.step("officer", UserTasks.RECORD_REASONABLE_GROUNDS_DECISION, "reasonableGroundsDecision", "NEGATIVE",
				"reasonableGroundsDecisionDate", LocalDate.now().minusDays(3).toString());
		journey.step("supervisor", UserTasks.CONSIDER_RECONSIDERATION, "reconsiderationRequested", true,
				"reconsiderationRequestedAt", LocalDate.now().minusDays(1).toString());
		journey.step("officer", UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		journey.step("officer", UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION, "conclusiveGroundsDecision", "NEGATIVE");
		journey.step("supervisor", UserTasks.CONSIDER_RECONSIDERATION);
		// the negative decision stands: closure is offered, and declined
		journey.step("supervisor", UserTasks.REVIEW_CASE_CLOSURE, "closeCase", false);
	}

	void p03(Journey journey) throws Exception {
		journey.start(withArea(adult(), this.noIctgArea), adultBirthDate(3));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT, "nrmConsent", "DECLINED");
		journey.step("officer", UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		journey.step("liaison", UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		journey.fireTimer(Events.REVISIT_CONSENT_DUE);
		journey.step("liaison", UserTasks.REVISIT_CONSENT, "nrmConsent", "DECLINED");
		journey.step("supervisor", UserTasks.REVIEW_CASE_CLOSURE, "closeCase", false);
		journey.ageAssessed(false, childBirthDate(3));
		journey.step("officer", UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		journey.step("supervisor", UserTasks.RECORD_STRATEGY_DISCUSSION, "agreedFirstResponder", "OTHER");
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL, "nrmSubmittedByAgency", "OTHER");
	}

	void p04(Journey journey) throws Exception {
		journey.start(adult(), adultBirthDate(4));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT, "nrmConsent", "UNDECIDED");
		journey.fireTimer(Events.RECONTACT_DUE);
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT, "nrmConsent", "UNDECIDED");
		journey.step("officer", UserTasks.SUBMIT_DUTY_TO_NOTIFY);
		journey.step("liaison", UserTasks.ARRANGE_ALTERNATIVE_SUPPORT);
		journey.fireTimer(Events.REVISIT_CONSENT_DUE);
		journey.step("liaison", UserTasks.REVISIT_CONSENT, "nrmConsent", "UNDECIDED");
	}

	void p05(Journey journey) throws Exception {
		journey.start(child(), childBirthDate(5));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, "policeProtectionUsed", true);
		journey.step("officer", UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		journey.step("supervisor", UserTasks.RECORD_STRATEGY_DISCUSSION);
		journey.step("liaison", UserTasks.ASSESS_VICTIM_NEEDS);
		journey.step("supervisor", UserTasks.AGREE_VICTIM_STRATEGY);
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
		journey.reportedMissing();
		journey.step("supervisor", UserTasks.RESPOND_TO_MISSING_VICTIM, "missingPersonReference", "MP-2026-4471");
		journey.found();
		journey.step("officer", UserTasks.CONDUCT_RETURN_INTERVIEW);
		journey.step("officer", UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
	}

	void p06(Journey journey) throws Exception {
		journey.start(withArea(child(), this.noIctgArea), childBirthDate(6));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("officer", UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		journey.step("supervisor", UserTasks.RECORD_STRATEGY_DISCUSSION, "agreedFirstResponder", "LOCAL_AUTHORITY");
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
		journey.ageAssessed(true, adultBirthDate(6));
		journey.step("officer", UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE);
		journey.step("liaison", UserTasks.SEEK_ADULT_SUPPORT_CONSENT);
	}

	void p07(Journey journey) throws Exception {
		Map<String, Object> report = adult();
		report.put("immediateRisk", true);
		report.put("interpreterLanguage", "Tigrinya");
		journey.start(report, adultBirthDate(7));
		journey.step("officer", UserTasks.RECORD_CRIME);
		journey.step("supervisor", UserTasks.ALLOCATE_INVESTIGATOR);
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON, "liaisonRole", "POLICE_SPOC");
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING, "interpreterArranged", "PROFESSIONAL");
		journey.reportedMissing();
		journey.step("supervisor", UserTasks.RESPOND_TO_MISSING_VICTIM);
		journey.fireTimer(Events.REVIEW_DUE);
		journey.step("supervisor", UserTasks.CONDUCT_SUPERVISORY_REVIEW);
		journey.fireTimer(Events.REVIEW_DUE);
		journey.step("supervisor", UserTasks.CONDUCT_SUPERVISORY_REVIEW, "reviewOutcome", "ACTION_REQUIRED",
				"closureRequested", true);
		journey.step("supervisor", UserTasks.REVIEW_CASE_CLOSURE, "closureReason", "NO_FURTHER_ACTION");
	}

	void p08(Journey journey) throws Exception {
		Map<String, Object> report = adult();
		report.remove("dateOfBirth");
		report.put("ageUncertain", true);
		report.put("mayBeUnder18", true);
		report.put("estimatedAge", 16);
		journey.start(report, null);
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("officer", UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		journey.ageAssessed(true, adultBirthDate(8));
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT);
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
	}

	void p09(Journey journey) throws Exception {
		journey.start(adult(), adultBirthDate(9));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.ageAssessed(false, childBirthDate(9));
		journey.step("officer", UserTasks.RECORD_CHILDRENS_SERVICES_REFERRAL);
		journey.step("supervisor", UserTasks.RECORD_STRATEGY_DISCUSSION);
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
	}

	void p10(Journey journey) throws Exception {
		journey.start(adult(), adultBirthDate(10));
		journey.step("supervisor", UserTasks.DEPLOY_VICTIM_LIAISON);
		journey.step("officer", UserTasks.RECORD_IMMEDIATE_SAFEGUARDING);
		journey.step("liaison", UserTasks.SEEK_INFORMED_CONSENT);
		journey.step("officer", UserTasks.SUBMIT_NRM_REFERRAL);
		journey.ageAssessed(false, childBirthDate(10));
		journey.step("officer", UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE);
	}

	// ------------------------------------------------------------------ each path

	@Test
	void adultWhoConsents_isReferredDecidedAndClosed_withAnAgeAssessmentThatChangesNothing() throws Exception {
		Journey journey = walk("P01");
		assertThat(journey.endActivity()).isEqualTo(Events.CASE_CLOSED);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void adultWhoDeclines_isNotifiedAnonymouslySupportedRevisitedReferredAndReconsidered() throws Exception {
		Journey journey = walk("P02");
		assertThat(journey.endActivity()).isNull();
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void adultWhoDeclinesTwice_isOfferedClosure_thenFoundToBeAChild_andReferredByAnotherAgency() throws Exception {
		Journey journey = walk("P03");
		// on the child path, referred by another agency: a Home Office decision is next
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.waitingAt()).contains(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void undecidedAdult_isRecontacted_thenNotifiedAnonymously_withTheOfferKeptOpen() throws Exception {
		Journey journey = walk("P04");
		// the offer kept open: the next revisit is set, and no consent step is waiting
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.timerSet(Events.REVISIT_CONSENT_DUE)).as("the next revisit").isTrue();
		assertThat(journey.waitingAt()).doesNotContain(UserTasks.SEEK_INFORMED_CONSENT, UserTasks.REVISIT_CONSENT);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void childInAnIctgArea_isReferredWithoutConsent_andReportedMissing() throws Exception {
		Journey journey = walk("P05");
		// found, interviewed, positive on reasonable grounds: the conclusive decision is
		// next
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.waitingAt()).contains(UserTasks.RECORD_CONCLUSIVE_GROUNDS_DECISION)
			.doesNotContain(UserTasks.RESPOND_TO_MISSING_VICTIM, UserTasks.CONDUCT_RETURN_INTERVIEW);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void childNotInAnIctgArea_isReferredWithoutConsent_thenFoundAdult_andTheCompetentAuthorityIsTold()
			throws Exception {
		Journey journey = walk("P06");
		// told and asked as an adult, not referred again: the Home Office decides next
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.waitingAt()).contains(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.doesNotContain(UserTasks.SUBMIT_NRM_REFERRAL, UserTasks.SEEK_INFORMED_CONSENT);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void adultAtImmediateRisk_isReportedMissing_reviewedTwice_andClosedOnRequest() throws Exception {
		Journey journey = walk("P07");
		assertThat(journey.endActivity()).isEqualTo(Events.CASE_CLOSED);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void presumedChild_foundAdultBeforeTheReferral_isAskedForConsent() throws Exception {
		Journey journey = walk("P08");
		// asked for consent as an adult and referred: the Home Office decides next
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.waitingAt()).contains(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void adultFoundToBeAChildBeforeAnyReferral_goesOnTheChildPath() throws Exception {
		Journey journey = walk("P09");
		// referred as a child, without consent: the Home Office decides next
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.waitingAt()).contains(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.doesNotContain(UserTasks.SEEK_INFORMED_CONSENT);
		assertNoPersonalDataInEngineTables(journey);
	}

	@Test
	void adultFoundToBeAChildAfterTheReferral_isReportedToTheCompetentAuthority() throws Exception {
		Journey journey = walk("P10");
		// the competent authority told, not referred again: the Home Office decides next
		assertThat(journey.endActivity()).isNull();
		assertThat(journey.waitingAt()).contains(UserTasks.RECORD_REASONABLE_GROUNDS_DECISION)
			.doesNotContain(UserTasks.SUBMIT_NRM_REFERRAL, UserTasks.INFORM_COMPETENT_AUTHORITY_OF_AGE);
		assertNoPersonalDataInEngineTables(journey);
	}

	// ------------------------------------------------------------------ the model

	@Test
	void thePathsTogether_walkEveryStepMessageAndTimer_andGiveEveryPersonalFieldAValue() throws Exception {
		Set<String> steps = new TreeSet<>();
		Set<String> messages = new TreeSet<>();
		Set<String> timers = new TreeSet<>();
		Map<String, Set<String>> marked = new TreeMap<>();
		for (Path path : paths()) {
			// the path's script, walked without the application: what it would do
			Journey walked = new Journey(path.id(), path.byForm(), true);
			path.script().walk(walked);
			steps.addAll(walked.steps);
			messages.addAll(walked.messages);
			timers.addAll(walked.timers);
			walked.marked
				.forEach((step, fields) -> marked.computeIfAbsent(step, (key) -> new TreeSet<>()).addAll(fields));
		}
		Set<String> userTasks = new TreeSet<>(
				this.model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList());
		assertThat(userTasks).as("user tasks of the model").hasSizeGreaterThanOrEqualTo(21);
		assertThat(steps).as("user tasks the paths complete").containsAll(userTasks);
		List<String> modelMessages = this.model.getModelElementsByType(MessageEventDefinition.class)
			.stream()
			.map((definition) -> definition.getMessage().getName())
			.toList();
		// one event per message: a message that arrived passed that event
		assertThat(modelMessages).as("messages of the model, one event each")
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrder(Messages.VICTIM_REPORTED_MISSING, Messages.AGE_ASSESSMENT_COMPLETED,
					Messages.VICTIM_FOUND, Messages.CONSENT_WITHDRAWN);
		assertThat(messages).as("messages the paths send").containsAll(modelMessages);
		for (TimerEventDefinition definition : this.model.getModelElementsByType(TimerEventDefinition.class)) {
			String event = ((ModelElementInstance) definition.getParentElement()).getAttributeValue("id");
			assertThat(timers).as("timer %s fired by a path", event).contains(event);
		}
		this.personalFields.forEach((step, fields) -> assertThat(marked.getOrDefault(step, Set.of()))
			.as("personal fields of %s given a value by a path", step)
			.containsAll(fields));
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * The property, for one case: none of the values its journey gave to personal fields
	 * was in an engine table after any of its steps, messages and timers, or is now; the
	 * search does read what the engine holds of the case (its reference is there); and
	 * every value went in and was kept, in the case record.
	 */
	void assertNoPersonalDataInEngineTables(Journey journey) throws Exception {
		EngineTables.Search last = journey.search("at the end");
		System.out.printf(
				"Personal data in engine tables, %s: %d distinct values in %d fields (%d steps and messages); "
						+ "%d searches, the last reading %d rows of %d engine tables; %d hits%n",
				journey.path, journey.markers.size(), journey.marked.values().stream().mapToInt(Set::size).sum(),
				journey.marked.size(), journey.searches, last.rows(), last.tables(), journey.leaks.size());
		assertThat(journey.markers).as("%s: values given to personal fields", journey.path).isNotEmpty();
		assertThat(last.found(journey.reference)).as("%s: its case reference found in the engine tables", journey.path)
			.isTrue();
		List<String> described = new ArrayList<>();
		journey.leaks
			.forEach((hit, when) -> described.add(hit + " (" + journey.markers.get(needle(hit)) + "), " + when));
		assertThat(described).as("%s: personal data or free text in an engine table", journey.path).isEmpty();
		EngineTables.Search caseRecord = EngineTables.search(this.dataSource, false, journey.markers.keySet());
		assertThat(journey.markers.keySet())
			.as("%s: values missing from the case record (refused, or lost)", journey.path)
			.filteredOn((value) -> !caseRecord.found(value))
			.isEmpty();
	}

	static String needle(String hit) {
		return hit.substring(hit.indexOf(" contains ") + " contains ".length());
	}

	static Map<String, Object> withArea(Map<String, Object> report, String areaCode) {
		report.put("areaCode", areaCode);
		return report;
	}

	/** A date of birth no other journey (or engine timestamp) shares: an adult's. */
	static String adultBirthDate(int n) {
		return LocalDate.of(1970 + n, 1 + (n % 12), 3 + n).toString();
	}

	/** A date of birth no other journey shares: a 15-year-old's. */
	static String childBirthDate(int n) {
		return LocalDate.now().minusYears(15).minusDays(7L * n).toString();
	}

	/**
	 * One journey of one path, driven over REST and searched after every change; or,
	 * {@code dry}, only what the path would do, without the application.
	 */
	final class Journey {

		final String path;

		/** Submit forms as Tasklist does, or complete tasks as an API client does. */
		final boolean byForm;

		final boolean dry;

		final RestJourney as = new RestJourney(PersonalDataInEngineTablesTest.this.rest);

		/** Every value put in a personal field: value → path, step and field. */
		final Map<String, String> markers = new LinkedHashMap<>();

		/** Per step (and the start event, and each message): the fields given a value. */
		final Map<String, Set<String>> marked = new TreeMap<>();

		/**
		 * Each of this journey's values found in an engine table, with the first search
		 * that saw it.
		 */
		final Map<String, String> leaks = new LinkedHashMap<>();

		final Set<String> steps = new TreeSet<>();

		final Set<String> messages = new TreeSet<>();

		final Set<String> timers = new TreeSet<>();

		int searches;

		String id;

		String reference;

		Journey(String path, boolean byForm, boolean dry) {
			this.path = path;
			this.byForm = byForm;
			this.dry = dry;
		}

		String mark(String step, String field) {
			String marker = PREFIX + String.format("%03d", this.markers.size()) + "-" + this.path + "-" + field;
			remember(marker, step, field);
			return marker;
		}

		void remember(String marker, String step, String field) {
			assertThat(this.markers.put(marker, this.path + " " + step + " " + field)).as("a value used once").isNull();
			this.marked.computeIfAbsent(step, (key) -> new TreeSet<>()).add(field);
		}

		/**
		 * Searches every row of every engine table for this journey's values (a table
		 * without a process instance column, such as a variable's byte array, is read
		 * too; the values are this case's alone, so every hit is this case's), and also
		 * for its case reference, to show the search sees the case.
		 */
		EngineTables.Search search(String when) throws Exception {
			List<String> needles = new ArrayList<>(this.markers.keySet());
			needles.add(this.reference);
			EngineTables.Search search = EngineTables.search(dataSource, true, needles);
			this.searches++;
			for (String hit : search.hits()) {
				if (!needle(hit).equals(this.reference)) {
					this.leaks.putIfAbsent(hit, this.path + " " + when);
				}
			}
			return search;
		}

		Journey start(Map<String, Object> report, String dateOfBirth) throws Exception {
			for (String field : personalFields.get(Events.START)) {
				if (field.equals("dateOfBirth")) {
					if (dateOfBirth != null) {
						report.put(field, dateOfBirth);
						remember(dateOfBirth, Events.START, field);
					}
				}
				else {
					report.put(field, mark(Events.START, field));
				}
			}
			if (this.dry) {
				return this;
			}
			ResponseEntity<Map<String, Object>> started = this.byForm ? this.as.startByForm("officer", report)
					: this.as.start("officer", report);
			assertThat(started.getStatusCode().value()).as("%s starts: %s", this.path, started.getBody())
				.isEqualTo(200);
			this.id = (String) started.getBody().get("id");
			this.reference = (String) this.as.get("officer", "/engine-rest/process-instance/" + this.id)
				.getBody()
				.get("businessKey");
			assertThat(this.reference).matches("MSHT-\\d{4}-\\d{6}");
			search("after the start");
			return this;
		}

		void step(String user, String key, Object... overrides) throws Exception {
			Map<String, Object> answers = JourneyFixtures.answers(key);
			for (int i = 0; i < overrides.length; i += 2) {
				answers.put((String) overrides[i], overrides[i + 1]);
			}
			// the optional parts of the forms that ask for more personal data, answered
			if (key.equals(UserTasks.DEPLOY_VICTIM_LIAISON)) {
				answers.put("navigatorAvailable", true);
				answers.put("victimNavigatorOrganisation", "Salvation Army");
			}
			if (key.equals(UserTasks.RECORD_IMMEDIATE_SAFEGUARDING)) {
				answers.put("medicalNeed", true);
			}
			if (key.equals(UserTasks.AGREE_VICTIM_STRATEGY)) {
				answers.put("strategyAgreedAt", "2026-11-21T09:00");
			}
			for (String field : personalFields.get(key)) {
				answers.put(field, mark(key, field));
			}
			this.steps.add(key);
			if (this.dry) {
				return;
			}
			// fails when the journey does not offer this step to this user
			String taskId = this.as.taskId(user, this.id, key);
			ResponseEntity<Map<String, Object>> response = this.byForm ? this.as.submitForm(user, taskId, answers)
					: this.as.complete(user, taskId, answers);
			assertThat(response.getStatusCode().value())
				.as("%s: %s completes %s: %s", this.path, user, key, response.getBody())
				.isEqualTo(204);
			search("after " + key);
		}

		/** {@code VictimReportedMissing}, with what a missing-person system might add. */
		void reportedMissing() throws Exception {
			String event = "Message_" + Messages.VICTIM_REPORTED_MISSING;
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("missingNotes", mark(event, "missingNotes"));
			payload.put("lastSeenAddress", mark(event, "lastSeenAddress"));
			correlate(Messages.VICTIM_REPORTED_MISSING, payload);
		}

		/** {@code VictimFound}, with what a missing-person system might add. */
		void found() throws Exception {
			String event = "Message_" + Messages.VICTIM_FOUND;
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("foundNotes", mark(event, "foundNotes"));
			payload.put("foundAtAddress", mark(event, "foundAtAddress"));
			correlate(Messages.VICTIM_FOUND, payload);
		}

		/** {@code ConsentWithdrawn}, with the officer's note of what the person said. */
		void consentWithdrawn() throws Exception {
			String event = "Message_" + Messages.CONSENT_WITHDRAWN;
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("withdrawalNotes", mark(event, "withdrawalNotes"));
			correlate(Messages.CONSENT_WITHDRAWN, payload);
		}

		/**
		 * {@code AgeAssessmentCompleted}, with what a local authority's assessment might
		 * add: the assessed date of birth and the assessor's notes.
		 */
		void ageAssessed(boolean adult, String assessedDateOfBirth) throws Exception {
			String event = "Message_" + Messages.AGE_ASSESSMENT_COMPLETED;
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("assessedAdult", adult);
			payload.put("dateOfBirth", assessedDateOfBirth);
			remember(assessedDateOfBirth, event, "dateOfBirth");
			payload.put("ageAssessmentNotes", mark(event, "ageAssessmentNotes"));
			correlate(Messages.AGE_ASSESSMENT_COMPLETED, payload);
		}

		private void correlate(String message, Map<String, Object> payload) throws Exception {
			this.messages.add(message);
			if (this.dry) {
				return;
			}
			ResponseEntity<String> response = this.as.correlate("supervisor", message, this.reference, payload);
			assertThat(response.getStatusCode().value()).as("%s: %s: %s", this.path, message, response.getBody())
				.isEqualTo(200);
			search("after message " + message);
		}

		/**
		 * Fires this journey's own timer, as if its time had come, without moving the
		 * engine clock (the shared application's other journeys would wake too).
		 */
		void fireTimer(String timerEvent) throws Exception {
			this.timers.add(timerEvent);
			if (this.dry) {
				return;
			}
			List<Job> timers = management.createJobQuery()
				.processInstanceId(this.id)
				.timers()
				.activityId(timerEvent)
				.list();
			assertThat(timers).as("%s: timer %s", this.path, timerEvent).hasSize(1);
			management.executeJob(timers.get(0).getId());
			search("after timer " + timerEvent);
		}

		/**
		 * Waits for the job executor to run this journey's due jobs (its notices).
		 * Running them here as well would race it (an attempt that finds the notice being
		 * sent fails), so the test only watches: a job that fails fails the path at once.
		 */
		void runJobs() throws Exception {
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
				DeliveryJobs deliveries = new DeliveryJobs(runtime, management);
				List<Job> failed = new ArrayList<>(
						management.createJobQuery().processInstanceId(this.id).withException().list());
				failed.addAll(deliveries.failed(this.reference));
				if (!failed.isEmpty()) {
					throw new AssertionError(this.path + ": job " + failed.get(0).getId() + " failed: "
							+ failed.get(0).getExceptionMessage());
				}
				// the case's own jobs, then each notice's delivery (its own instance)
				return management.createJobQuery().processInstanceId(this.id).executable().messages().count() == 0
						&& deliveries.executable(this.reference) == 0;
			});
			assertThat(management.createJobQuery().processInstanceId(this.id).withException().list())
				.as("%s: notices that failed", this.path)
				.isEmpty();
			assertThat(new DeliveryJobs(runtime, management).failed(this.reference))
				.as("%s: deliveries that failed", this.path)
				.isEmpty();
			search("after its jobs");
		}

		/** The steps the journey waits at now. */
		Set<String> waitingAt() {
			return new TreeSet<>(tasks.createTaskQuery()
				.processInstanceId(this.id)
				.list()
				.stream()
				.map(Task::getTaskDefinitionKey)
				.toList());
		}

		/** Whether the journey's timer of this event is set (waiting for its time). */
		boolean timerSet(String timerEvent) {
			return management.createJobQuery().processInstanceId(this.id).timers().activityId(timerEvent).count() == 1;
		}

		String endActivity() {
			return history.createHistoricProcessInstanceQuery()
				.processInstanceId(this.id)
				.singleResult()
				.getEndActivityId();
		}

	}

}
