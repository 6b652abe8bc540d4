package uk.safeguarding.workflow.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code step-deadlines} table, evaluated from {@code bpmn/step-deadlines.dmn} by the
 * standalone DMN engine: every row of the spec's deadlines table (section 4).
 */
class StepDeadlinesDmnTest {

	private static final Path DMN = Path.of("bpmn/step-deadlines.dmn");

	private static final List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();

	private static DmnEngine engine;

	private static DmnDecision decision;

	private static String catchAllRuleId;

	@BeforeAll
	static void parse() throws IOException {
		DmnDecisionTableEvaluationListener recorder = events::add;
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		engine = configuration.customPostDecisionTableEvaluationListeners(List.of(recorder)).buildEngine();
		try (InputStream in = Files.newInputStream(DMN)) {
			decision = engine.parseDecision(StepDeadlines.DECISION_KEY, in);
		}
		List<DmnDecisionTableRuleImpl> rules = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules();
		catchAllRuleId = rules.get(rules.size() - 1).getId();
	}

	@BeforeEach
	void clearEvents() {
		events.clear();
	}

	@ParameterizedTest(name = "{0} (immediate risk {1}): {2} {3} from {4}, managers {8} {9} later")
	@CsvSource(quoteCharacter = '"', delimiter = '|',
			textBlock = """
										UserTask_RecordImmediateSafeguarding     | true  | 30 | MINUTES       | IDENTIFIED       |    |               | local default | 30 | MINUTES      |    |
										UserTask_RecordImmediateSafeguarding     | false | 2  | HOURS         | IDENTIFIED       |    |               | local default | 2  | HOURS        |    |
										UserTask_RecordCrime                     | false | 24 | HOURS         | REPORTED         |    |               | national standard | 4  | HOURS        |    |
										UserTask_RecordCrime                     | true  | 24 | HOURS         | REPORTED         |    |               | national standard | 4  | HOURS        |    |
										UserTask_AllocateInvestigator            | false | 24 | HOURS         | TASK_CREATED     |    |               | local default | 4  | HOURS        |    |
										UserTask_DeployVictimLiaison             | false | 24 | HOURS         | TASK_CREATED     |    |               | local default | 4  | HOURS        |    |
										UserTask_RecordChildrensServicesReferral | false | 1  | WORKING_DAYS  | IDENTIFIED       |    |               | statutory guidance | 1  | WORKING_DAYS |    |
										UserTask_RecordStrategyDiscussion        | false | 24 | HOURS         | TASK_CREATED     |    |               | local practice | 4  | HOURS        |    |
										UserTask_AssessVictimNeeds               | false | 2  | WORKING_DAYS  | TASK_CREATED     |    |               | Victims' Code | 1  | WORKING_DAYS |    |
										UserTask_AgreeVictimStrategy             | false | 3  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_SeekInformedConsent             | false | 2  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_SubmitNrmReferral               | false | 2  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_SubmitDutyToNotify              | false | 1  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_RecordReasonableGroundsDecision | false | 5  | WORKING_DAYS  | NRM_SUBMITTED    | 20 | WORKING_DAYS  | Home Office target |    |              |    |
										UserTask_RecordConclusiveGroundsDecision | false | 30 | CALENDAR_DAYS | RG_DECISION      | 90 | CALENDAR_DAYS | statute minimum |    |              |    |
										UserTask_ConsiderReconsideration         | false | 10 | WORKING_DAYS  | DECISION_DATE    |    |               | guidance window | 1  | WORKING_DAYS |    |
										UserTask_RevisitConsent                  | false | 28 | CALENDAR_DAYS | CONSENT_DECLINED |    |               | local default | 1  | WORKING_DAYS | 21 | CALENDAR_DAYS
										UserTask_ConductSupervisoryReview        | false | 28 | CALENDAR_DAYS | LAST_REVIEW      |    |               | local default | 1  | WORKING_DAYS | 21 | CALENDAR_DAYS
										UserTask_ReviewCaseClosure               | false | 5  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_ArrangeAlternativeSupport       | false | 2  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_RespondToMissingVictim          | false | 1  | HOURS         | TASK_CREATED     |    |               | local default | 1  | HOURS        |    |
										UserTask_InformCompetentAuthorityOfAge   | false | 2  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |
										UserTask_SeekAdultSupportConsent         | false | 2  | WORKING_DAYS  | TASK_CREATED     |    |               | local default | 1  | WORKING_DAYS |    |

					""")
	void everyStepOfTheSpecTable(String step, boolean immediateRisk, int amount, DeadlineUnit unit,
			DeadlineAnchor anchor, Integer chaseAmount, DeadlineUnit chaseUnit, String kind, Integer escalateAmount,
			DeadlineUnit escalateUnit, Integer appearsAmount, DeadlineUnit appearsUnit) {
		StepDeadline deadline = evaluate(step, immediateRisk);

		assertThat(deadline).isEqualTo(new StepDeadline(amount, unit, anchor, chaseAmount, chaseUnit, kind,
				escalateAmount, escalateUnit, appearsAmount, appearsUnit));
		assertThat(matchedRuleId()).as("%s has its own row, not the catch-all", step).isNotEqualTo(catchAllRuleId);
	}

	@Test
	void immediateRiskMakesImmediateSafeguardingDueIn30Minutes() {
		assertThat(evaluate("UserTask_RecordImmediateSafeguarding", true).amount()).isEqualTo(30);
		assertThat(evaluate("UserTask_RecordImmediateSafeguarding", true).unit()).isEqualTo(DeadlineUnit.MINUTES);
		assertThat(evaluate("UserTask_RecordImmediateSafeguarding", false).unit()).isEqualTo(DeadlineUnit.HOURS);
	}

	@Test
	void immediateRiskNotSetCountsAsNoImmediateRisk() {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("step", "UserTask_RecordImmediateSafeguarding");
		inputs.put("immediateRisk", null);
		DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, inputs);
		assertThat(StepDeadline.fromDecisionOutputs(result.getFirstResult().getEntryMap()).amount()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UserTask_SomethingNew", "" })
	void anyOtherStepGetsTheLocalDefault(String step) {
		assertThat(evaluate(step, false)).isEqualTo(new StepDeadline(5, DeadlineUnit.WORKING_DAYS,
				DeadlineAnchor.TASK_CREATED, null, null, "local default"));
		assertThat(matchedRuleId()).isEqualTo(catchAllRuleId);
	}

	@Test
	void aStepATimerStartsAppearsBeforeItIsDue_andEveryOtherStepHasNoTimerRow() {
		StepDeadlines deadlines = new StepDeadlines(new WorkingDayCalendar());
		Instant declined = london("2026-03-02T10:00");
		for (String step : List.of("UserTask_RevisitConsent", "UserTask_ConductSupervisoryReview")) {
			StepDeadline row = evaluate(step, false);
			assertThat(deadlines.appearsAt(row, declined)).as(step)
				.isEqualTo(Date.from(london("2026-03-23T10:00")))
				.isBefore(deadlines.dueDate(row, declined));
		}
	}

	@Test
	void stepsDueWithinHoursReachManagersWithinHours_othersAWorkingDayLater() {
		StepDeadlines deadlines = new StepDeadlines(new WorkingDayCalendar());
		// Friday 6 March 2026 17:00: a 30-minute step reaches managers on Friday evening,
		// a working-day step on Monday
		Instant friday = london("2026-03-06T17:00");
		assertThat(deadlines.managersAt(evaluate("UserTask_RecordImmediateSafeguarding", true), friday))
			.isEqualTo(Date.from(london("2026-03-06T17:30")));
		assertThat(deadlines.managersAt(evaluate("UserTask_RecordCrime", false), friday))
			.isEqualTo(Date.from(london("2026-03-06T21:00")));
		assertThat(deadlines.managersAt(evaluate("UserTask_AgreeVictimStrategy", false), friday))
			.isEqualTo(Date.from(london("2026-03-09T17:00")));
		assertThat(deadlines.managersAt(evaluate("UserTask_RecordReasonableGroundsDecision", false), friday))
			.as("a Home Office decision is chased with its owner, not escalated")
			.isNull();
	}

	@Test
	void everyRuleIsAnnotatedWithItsReason() {
		Collection<Rule> rules = Dmn.readModelFromFile(DMN.toFile()).getModelElementsByType(Rule.class);
		assertThat(rules).hasSize(26);
		assertThat(rules).allSatisfy((rule) -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
	}

	@Test
	void dueDatesFromTheTable() {
		StepDeadlines deadlines = new StepDeadlines(new WorkingDayCalendar());
		// Thursday 2 April 2026 10:00 BST; Good Friday and Easter Monday follow
		Instant thursday = london("2026-04-02T10:00");

		assertThat(deadlines.dueDate(evaluate("UserTask_RecordCrime", false), thursday))
			.isEqualTo(Date.from(london("2026-04-03T10:00")));
		assertThat(deadlines.dueDate(evaluate("UserTask_SubmitNrmReferral", false), thursday))
			.isEqualTo(Date.from(london("2026-04-08T10:00")));
		assertThat(deadlines.dueDate(evaluate("UserTask_RecordImmediateSafeguarding", true), thursday))
			.isEqualTo(Date.from(london("2026-04-02T10:30")));
		// calendar days keep the London time across the clock change (29 March 2026)
		StepDeadline conclusive = evaluate("UserTask_RecordConclusiveGroundsDecision", false);
		assertThat(deadlines.dueDate(conclusive, london("2026-03-10T10:00")))
			.isEqualTo(Date.from(london("2026-04-09T10:00")));
		assertThat(deadlines.nextChase(conclusive, london("2026-04-09T10:00")))
			.isEqualTo(Date.from(london("2026-07-08T10:00")));
		StepDeadline reasonable = evaluate("UserTask_RecordReasonableGroundsDecision", false);
		// 20 working days from Thursday 7 May 2026 (spring bank holiday 25 May): Friday 5
		// June
		assertThat(deadlines.nextChase(reasonable, london("2026-05-07T12:00")))
			.isEqualTo(Date.from(london("2026-06-05T12:00")));
		assertThat(deadlines.nextChase(evaluate("UserTask_RecordCrime", false), thursday)).isNull();
	}

	private static StepDeadline evaluate(String step, boolean immediateRisk) {
		DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
				Map.of("step", step, "immediateRisk", immediateRisk));
		assertThat(result).as("FIRST hit policy: exactly one result").hasSize(1);
		return StepDeadline.fromDecisionOutputs(result.getSingleResult().getEntryMap());
	}

	private static String matchedRuleId() {
		DmnDecisionTableEvaluationEvent event = events.get(events.size() - 1);
		assertThat(event.getMatchingRules()).hasSize(1);
		return event.getMatchingRules().get(0).getId();
	}

	private static Instant london(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
	}

}
