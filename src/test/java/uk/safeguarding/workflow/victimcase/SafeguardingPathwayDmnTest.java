package uk.safeguarding.workflow.victimcase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code safeguarding-pathway} decision requirements graph from
 * {@code bpmn/safeguarding-pathway.dmn}, fed by {@link AgeCalculator#pathwayInputs} so
 * the whole chain from date of birth to pathway is proven.
 */
class SafeguardingPathwayDmnTest {

	private static final Path DMN = Path.of("bpmn/safeguarding-pathway.dmn");

	private static final LocalDate TODAY = LocalDate.parse("2026-03-15");

	private static final List<String> MATCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static DmnEngine engine;

	private static DmnDecision pathway;

	private static DmnDecision presumedChild;

	@BeforeAll
	static void parse() throws IOException {
		DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		// records which row of presumed-child decided, so each row is proven by name
		configuration.customPostDecisionTableEvaluationListeners(List.of((event) -> {
			if ("presumed-child".equals(event.getDecision().getKey())) {
				event.getMatchingRules().forEach((rule) -> MATCHED.add(rule.getId()));
			}
		}));
		engine = configuration.buildEngine();
		try (InputStream in = Files.newInputStream(DMN)) {
			pathway = engine.parseDecision("safeguarding-pathway", in);
		}
		try (InputStream in = Files.newInputStream(DMN)) {
			presumedChild = engine.parseDecision("presumed-child", in);
		}
	}

	@Nested
	class ByDateOfBirth {

		@Test
		void aChildByDateOfBirthIsOnTheChildPathway() {
			assertThat(evaluate(dob("2012-06-01"))).containsEntry("pathway", "CHILD");
		}

		@Test
		void seventeenYearsAnd364DaysIsAChild() {
			// 18th birthday is tomorrow
			assertThat(evaluate(dob("2008-03-16"))).containsEntry("pathway", "CHILD");
		}

		@Test
		void eighteenthBirthdayTodayIsAnAdult() {
			assertThat(evaluate(dob("2008-03-15"))).containsEntry("pathway", "ADULT");
		}

		@Test
		void aDateOfBirthAndAnEstimatedAgeThatConflict_leaveAChildAChild() {
			// s51: an adult date of birth does not beat an estimate under 18
			Map<String, Object> adultByDob = AgeCalculator.pathwayInputs(LocalDate.parse("1990-01-01"), 15, false,
					false, false, false, TODAY);
			assertThat(evaluate(adultByDob)).containsEntry("pathway", "CHILD");
			Map<String, Object> childByDob = AgeCalculator.pathwayInputs(LocalDate.parse("2010-01-01"), 25, false,
					false, false, false, TODAY);
			assertThat(evaluate(childByDob)).containsEntry("pathway", "CHILD");
		}

		@ParameterizedTest(name = "born {0}, judged on {1}: {2}")
		@CsvSource({
				// a 29 February birthday is 1 March in a common year (and an 18th
				// birthday
				// always falls in a common year)
				"2008-02-29, 2026-02-28, CHILD", "2008-02-29, 2026-03-01, ADULT",
				// neighbours for comparison
				"2008-02-28, 2026-02-28, ADULT", "2008-03-01, 2026-02-28, CHILD" })
		void leapDayBirthdays(String dateOfBirth, String today, String expected) {
			Map<String, Object> inputs = AgeCalculator.pathwayInputs(LocalDate.parse(dateOfBirth), null, false, null,
					false, false, LocalDate.parse(today));
			assertThat(evaluate(inputs)).containsEntry("pathway", expected);
		}

		@Test
		void aLeapDayBirthdayInALeapYearIsTheDayItself() {
			assertThat(AgeCalculator.birthday(LocalDate.parse("2008-02-29"), 20)).isEqualTo("2028-02-29");
			assertThat(AgeCalculator.birthday(LocalDate.parse("2008-02-29"), 18)).isEqualTo("2026-03-01");
		}

		private Map<String, Object> dob(String dateOfBirth) {
			return AgeCalculator.pathwayInputs(LocalDate.parse(dateOfBirth), null, false, null, false, false, TODAY);
		}

	}

	@Nested
	class WithoutDateOfBirth {

		@Test
		void estimatedAge17IsAChild() {
			assertThat(evaluate(estimated(17))).containsEntry("pathway", "CHILD");
		}

		@Test
		void estimatedAge18IsAnAdult() {
			assertThat(evaluate(estimated(18))).containsEntry("pathway", "ADULT");
		}

		@Test
		void noAgeInformationAtAllIsPresumedAChild() {
			assertThat(evaluate(estimated(null))).containsEntry("pathway", "CHILD");
		}

		private Map<String, Object> estimated(Integer age) {
			return AgeCalculator.pathwayInputs(null, age, false, null, false, false, TODAY);
		}

	}

	@Nested
	class AgeUncertain {

		@Test
		void mayBeUnder18WithAnAdultEstimatedAgeIsPresumedAChild() {
			// MSA 2015 s51
			Map<String, Object> inputs = AgeCalculator.pathwayInputs(null, 21, true, true, false, false, TODAY);
			assertThat(evaluate(inputs)).containsEntry("pathway", "CHILD");
		}

		@Test
		void mayBeUnder18OverridesAnAdultDateOfBirth() {
			Map<String, Object> inputs = AgeCalculator.pathwayInputs(LocalDate.parse("1995-05-05"), null, true, true,
					false, false, TODAY);
			assertThat(evaluate(inputs)).containsEntry("pathway", "CHILD");
		}

		@Test
		void notUnder18IsAnAdult() {
			Map<String, Object> inputs = AgeCalculator.pathwayInputs(null, 25, true, false, false, false, TODAY);
			assertThat(evaluate(inputs)).containsEntry("pathway", "ADULT");
			Map<String, Object> noEstimate = AgeCalculator.pathwayInputs(null, null, true, false, false, false, TODAY);
			assertThat(evaluate(noEstimate)).containsEntry("pathway", "ADULT");
		}

	}

	/**
	 * Each row of {@code presumed-child}, hit by the answers it is for (Modern Slavery
	 * Act 2015 s51: any answer that leaves it possible that the person is under 18 gives
	 * CHILD until an age assessment says otherwise).
	 */
	@Nested
	class PresumptionOfAge {

		@ParameterizedTest(name = "{0}: row {6}, child {7}")
		@CsvSource(nullValues = "-", value = {
				"may be under 18 without age uncertain and an adult date of birth, 1990-01-01, -, false, true, 1, true",
				"under 18 by date of birth, 2012-06-01, -, false, -, 2, true",
				"adult date of birth and an estimate under 18 (conflict), 1990-01-01, 15, false, -, 3, true",
				"no date of birth and an estimate under 18, -, 15, false, -, 3, true",
				"adult date of birth and no estimate, 1990-01-01, -, false, -, 4, false",
				"adult date of birth and an adult estimate, 1990-01-01, 30, false, -, 4, false",
				"no date of birth and an adult estimate, -, 25, false, -, 5, false",
				"age uncertain and no reason to believe under 18, -, -, true, false, 6, false",
				"no age information at all, -, -, false, -, 7, true" })
		void eachRowOfThePresumption(String answers, String dateOfBirth, Integer estimatedAge, boolean ageUncertain,
				Boolean mayBeUnder18, int row, boolean child) {
			Map<String, Object> inputs = AgeCalculator.pathwayInputs(
					(dateOfBirth != null) ? LocalDate.parse(dateOfBirth) : null, estimatedAge, ageUncertain,
					mayBeUnder18, false, false, TODAY);
			MATCHED.clear();
			DmnDecisionResult result = engine.evaluateDecision(presumedChild, new HashMap<>(inputs));
			assertThat((Boolean) result.getSingleResult().getEntry("child")).as(answers).isEqualTo(child);
			assertThat(MATCHED).as("the row that decided: %s", answers).containsExactly("Rule_PresumedChild_" + row);
			assertThat(evaluate(inputs)).containsEntry("pathway", child ? "CHILD" : "ADULT");
		}

	}

	@Nested
	class RiskLevels {

		@ParameterizedTest(name = "child {0}, immediate risk {1}, care and support needs {2}: {3} {4}")
		@CsvSource({ "true, true, false, CHILD, URGENT", "true, true, true, CHILD, URGENT",
				"true, false, false, CHILD, HIGH", "true, false, true, CHILD, HIGH",
				"false, true, false, ADULT, URGENT", "false, true, true, ADULT, URGENT",
				"false, false, true, ADULT, HIGH", "false, false, false, ADULT, STANDARD" })
		void pathwayAndRiskLevel(boolean child, boolean immediateRisk, boolean careAndSupportNeeds, String pathway,
				String riskLevel) {
			Map<String, Object> inputs = AgeCalculator.pathwayInputs(null, child ? 15 : 30, false, null, immediateRisk,
					careAndSupportNeeds, TODAY);
			assertThat(evaluate(inputs)).containsEntry("pathway", pathway).containsEntry("riskLevel", riskLevel);
		}

	}

	@Test
	void presumedChildAloneGivesTheChildFlag() {
		DmnDecisionResult result = engine.evaluateDecision(presumedChild,
				AgeCalculator.pathwayInputs(null, 16, false, null, false, false, TODAY));
		assertThat(result.getSingleResult().getEntryMap()).containsExactlyEntriesOf(Map.of("child", true));
	}

	@Test
	void theDecisionGivesOnlyPathwayAndRiskLevel() {
		assertThat(evaluate(AgeCalculator.pathwayInputs(null, 40, false, null, false, false, TODAY)))
			.containsOnlyKeys("pathway", "riskLevel");
	}

	@Test
	void theInputsNeverCarryTheDateOfBirth() {
		Map<String, Object> inputs = AgeCalculator.pathwayInputs(LocalDate.parse("2008-03-16"), 17, false, null, true,
				true, TODAY);
		assertThat(inputs).containsOnlyKeys("dateOfBirthGiven", "under18ByDateOfBirth", "estimatedAge", "ageUncertain",
				"mayBeUnder18", "immediateRisk", "careAndSupportNeeds");
		assertThat(inputs.values()).allSatisfy((value) -> assertThat(value).isNotInstanceOf(LocalDate.class));
		assertThat(inputs).containsEntry("dateOfBirthGiven", true).containsEntry("under18ByDateOfBirth", true);
	}

	@Test
	void everyRuleIsAnnotatedWithItsReason() {
		assertThat(Dmn.readModelFromFile(DMN.toFile()).getModelElementsByType(Rule.class)).hasSize(12)
			.allSatisfy((rule) -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
	}

	private static Map<String, Object> evaluate(Map<String, Object> inputs) {
		DmnDecisionResult result = engine.evaluateDecision(pathway, new HashMap<>(inputs));
		DmnDecisionResultEntries entries = result.getSingleResult();
		return entries.getEntryMap();
	}

}
