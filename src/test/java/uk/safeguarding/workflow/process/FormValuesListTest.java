package uk.safeguarding.workflow.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The lists a multi-select field submits, in each shape a client sends them: a
 * comma-separated string, a JSON array as text (Tasklist's checklist), a list.
 */
class FormValuesListTest {

	private static final Set<String> TYPES = Set.of("SEXUAL", "LABOUR", "CRIMINAL");

	@Test
	void commaSeparatedText_isTheList() {
		assertThat(list(" LABOUR, CRIMINAL ,")).isEqualTo("LABOUR,CRIMINAL");
	}

	@Test
	void jsonArray_isReadAsJson() {
		assertThat(list("[\"LABOUR\", \"CRIMINAL\", \"LABOUR\"]")).isEqualTo("LABOUR,CRIMINAL");
	}

	@Test
	void jsonArrayWithACommaInsideAValue_isOneValueAndRefused() {
		// split(",") made two allowed values of it
		assertThatThrownBy(() -> list("[\"LABOUR,CRIMINAL\"]")).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessage("Exploitation types may only contain CRIMINAL, LABOUR, SEXUAL (exploitationTypes).");
	}

	@Test
	void jsonArrayOfNumbers_isRefused() {
		assertThatThrownBy(() -> list("[1, 2]")).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("may only contain");
	}

	@Test
	void brokenJson_isRefusedWithoutRepeatingIt() {
		assertThatThrownBy(() -> list("[\"LABOUR\", SECRET")).isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessage("Exploitation types must be a list of CRIMINAL, LABOUR, SEXUAL (exploitationTypes).")
			.hasNoCause();
	}

	@Test
	void list_isTakenAsItIs() {
		assertThat(list(List.of("SEXUAL", "LABOUR"))).isEqualTo("SEXUAL,LABOUR");
	}

	@Test
	void emptyJsonArray_isNoValueForARequiredList() {
		VariableScope scope = scope("[]");
		assertThatThrownBy(() -> new FormValues(scope).requiredList("exploitationTypes", "Exploitation types", TYPES))
			.isInstanceOf(SafeguardingRuleViolation.class)
			.hasMessageContaining("needs at least one of");
	}

	private static String list(Object value) {
		return new FormValues(scope(value)).optionalList("exploitationTypes", "Exploitation types", TYPES);
	}

	private static VariableScope scope(Object value) {
		VariableScope scope = mock(VariableScope.class);
		given(scope.getVariable("exploitationTypes")).willReturn(value);
		return scope;
	}

}
