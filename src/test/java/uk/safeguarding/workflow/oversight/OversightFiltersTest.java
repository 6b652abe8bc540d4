package uk.safeguarding.workflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import uk.safeguarding.workflow.oversight.OversightFilters.InvalidFilterException;

class OversightFiltersTest {

	@Test
	void blankValues_meanNoFilter_andTheDefaultPeriod() {
		OversightFilters filters = OversightFilters.parse("", " ", null, "", null);
		assertThat(filters.isFiltered()).isFalse();
		assertThat(filters.periodDays()).isEqualTo(90);
		assertThat(filters.queryString()).isEmpty();
	}

	@Test
	void setFilters_goBackIntoTheUrl_forTheCsvLink() {
		OversightFilters filters = OversightFilters.parse("W06000015", "CHILD", "UserTask_RecordCrime", "sup.one",
				"30");
		assertThat(filters.queryString())
			.isEqualTo("?area=W06000015&pathway=CHILD&step=UserTask_RecordCrime&supervisor=sup.one&period=30");
	}

	@Test
	void badValues_areRefusedNamingTheFilter() {
		assertThatThrownBy(() -> OversightFilters.parse("Cardiff", null, null, null, null))
			.isInstanceOfSatisfying(InvalidFilterException.class, (ex) -> assertThat(ex.getFilter()).isEqualTo("area"));
		assertThatThrownBy(() -> OversightFilters.parse(null, "TEEN", null, null, null)).isInstanceOfSatisfying(
				InvalidFilterException.class, (ex) -> assertThat(ex.getFilter()).isEqualTo("pathway"));
		assertThatThrownBy(() -> OversightFilters.parse(null, null, "DROP TABLE", null, null))
			.isInstanceOfSatisfying(InvalidFilterException.class, (ex) -> assertThat(ex.getFilter()).isEqualTo("step"));
		assertThatThrownBy(() -> OversightFilters.parse(null, null, null, "a' OR '1'='1", null)).isInstanceOfSatisfying(
				InvalidFilterException.class, (ex) -> assertThat(ex.getFilter()).isEqualTo("supervisor"));
		assertThatThrownBy(() -> OversightFilters.parse(null, null, null, null, "12")).isInstanceOfSatisfying(
				InvalidFilterException.class, (ex) -> assertThat(ex.getFilter()).isEqualTo("period"));
	}

}
