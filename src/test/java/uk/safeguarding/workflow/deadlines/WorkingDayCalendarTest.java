package uk.safeguarding.workflow.deadlines;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingDayCalendarTest {

	private final WorkingDayCalendar calendar = new WorkingDayCalendar();

	@Test
	void bankHolidays2025AsPublishedOnGovUk() {
		assertThat(this.calendar.bankHolidays(2025)).containsExactly(dates("2025-01-01", "2025-04-18", "2025-04-21",
				"2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"));
	}

	@Test
	void bankHolidays2026AsPublishedOnGovUkWithSubstituteBoxingDay() {
		// Boxing Day 2026 is a Saturday: substitute Monday 28 December
		assertThat(this.calendar.bankHolidays(2026)).containsExactly(dates("2026-01-01", "2026-04-03", "2026-04-06",
				"2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"));
	}

	@Test
	void bankHolidays2027WithChristmasAndBoxingDayOnTheWeekend() {
		// Christmas Day is a Saturday, Boxing Day a Sunday: substitutes Monday 27 and
		// Tuesday 28
		assertThat(this.calendar.bankHolidays(2027)).containsExactly(dates("2027-01-01", "2027-03-26", "2027-03-29",
				"2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"));
	}

	@Test
	void newYearsDayOnTheWeekendMovesToMonday() {
		// 1 January 2022 was a Saturday, 2023 a Sunday
		assertThat(this.calendar.bankHolidays(2022)).contains(LocalDate.parse("2022-01-03"))
			.doesNotContain(LocalDate.parse("2022-01-01"));
		assertThat(this.calendar.bankHolidays(2023)).contains(LocalDate.parse("2023-01-02"));
	}

	@Test
	void christmasOnASundayKeepsBoxingDayAndSubstitutesTuesday() {
		// 2022: Christmas Day Sunday, Boxing Day Monday 26, substitute Christmas Tuesday
		// 27
		assertThat(this.calendar.bankHolidays(2022)).contains(dates("2022-12-26", "2022-12-27"))
			.doesNotContain(LocalDate.parse("2022-12-25"));
	}

	@Test
	void oneOffChangesShippedAsDefaults() {
		// 2020: early May bank holiday moved to Friday 8 May (VE Day)
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2020-05-08"))).isFalse();
		// 1995: moved to Monday 8 May
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("1995-05-01"))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("1995-05-08"))).isFalse();
		// 2022: Platinum Jubilee, state funeral; 2023: coronation
		assertThat(this.calendar.bankHolidays(2022)).contains(dates("2022-06-02", "2022-06-03", "2022-09-19"))
			.doesNotContain(LocalDate.parse("2022-05-30"));
		assertThat(this.calendar.isWorkingDay(LocalDate.parse("2023-05-08"))).isFalse();
	}

	@Test
	void extraAndRemovedDatesAreConfigurable() {
		WorkingDayCalendar custom = new WorkingDayCalendar(Set.of(LocalDate.parse("2026-06-15")),
				Set.of(LocalDate.parse("2026-05-04")));
		assertThat(custom.isWorkingDay(LocalDate.parse("2026-06-15"))).isFalse();
		assertThat(custom.isWorkingDay(LocalDate.parse("2026-05-04"))).isTrue();
		// the defaults are replaced, not merged
		assertThat(custom.isWorkingDay(LocalDate.parse("2020-05-04"))).isFalse();
		assertThat(custom.isWorkingDay(LocalDate.parse("2020-05-08"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-07", "2026-03-08", "2025-12-27", "2025-12-28" })
	void weekendsAreNotWorkingDays(String date) {
		assertThat(this.calendar.isWorkingDay(LocalDate.parse(date))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
			"2025-12-26", "2026-04-03", "2026-04-06", "2026-12-28", "2027-12-27", "2027-12-28" })
	void bankHolidaysAreNotWorkingDays(String date) {
		assertThat(this.calendar.isWorkingDay(LocalDate.parse(date))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-09", "2026-04-02", "2026-04-07", "2026-12-24", "2026-12-29", "2027-12-29" })
	void ordinaryWeekdaysAreWorkingDays(String date) {
		assertThat(this.calendar.isWorkingDay(LocalDate.parse(date))).isTrue();
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
			// ordinary week
			"2026-03-09, 1, 2026-03-10", "2026-03-09, 5, 2026-03-16",
			// Friday + 1 = Monday; weekend starts count from the next working day
			"2026-03-06, 1, 2026-03-09", "2026-03-07, 1, 2026-03-09", "2026-03-08, 2, 2026-03-10",
			// Easter 2026: Good Friday 3 April, Easter Monday 6 April
			"2026-04-02, 1, 2026-04-07", "2026-04-01, 2, 2026-04-07", "2026-04-03, 1, 2026-04-07",
			// Easter 2025: 18 and 21 April
			"2025-04-17, 5, 2025-04-28",
			// Christmas 2025 (Thursday and Friday)
			"2025-12-24, 1, 2025-12-29", "2025-12-23, 3, 2025-12-30",
			// Christmas 2026: Friday 25, substitute Monday 28
			"2026-12-24, 1, 2026-12-29",
			// Christmas 2027 and New Year 2028: 27, 28 December and Monday 3 January
			"2027-12-24, 1, 2027-12-29", "2027-12-31, 1, 2028-01-04",
			// spring bank holiday 2026 (25 May)
			"2026-05-22, 1, 2026-05-26",
			// zero days: unchanged, even on a weekend
			"2026-03-07, 0, 2026-03-07" })
	void addsWorkingDays(String start, int days, String expected) {
		assertThat(this.calendar.addWorkingDays(LocalDate.parse(start), days)).isEqualTo(expected);
	}

	@Test
	void addingWorkingDaysToATimeKeepsTheLocalTimeOfDay() {
		ZonedDateTime friday = ZonedDateTime.of(LocalDateTime.parse("2026-03-06T15:00"), WorkingDayCalendar.ZONE);
		assertThat(this.calendar.addWorkingDays(friday, 1))
			.isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-03-09T15:00"), WorkingDayCalendar.ZONE));
		ZonedDateTime saturday = ZonedDateTime.of(LocalDateTime.parse("2026-03-07T10:00"), WorkingDayCalendar.ZONE);
		assertThat(this.calendar.addWorkingDays(saturday, 1))
			.isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2026-03-09T10:00"), WorkingDayCalendar.ZONE));
	}

	@Test
	void workingDaysAcrossTheClockChangeKeepLondonTime() {
		// clocks go forward on Sunday 29 March 2026: Friday 09:00 GMT + 1 working day =
		// Monday 09:00 BST
		ZonedDateTime friday = ZonedDateTime.of(LocalDateTime.parse("2026-03-27T09:00"), WorkingDayCalendar.ZONE);
		ZonedDateTime due = this.calendar.addWorkingDays(friday, 1);
		assertThat(due.toLocalDateTime()).isEqualTo("2026-03-30T09:00");
		assertThat(due.toInstant()).isEqualTo("2026-03-30T08:00:00Z");
	}

	@Test
	void aStartInAnotherZoneIsTakenInLondon() {
		// 23:30 UTC on Friday 3 July 2026 is 00:30 BST on Saturday 4 July
		ZonedDateTime utc = ZonedDateTime.of(LocalDateTime.parse("2026-07-03T23:30"), ZoneOffset.UTC);
		assertThat(this.calendar.addWorkingDays(utc, 1).toLocalDateTime()).isEqualTo("2026-07-06T00:30");
	}

	@Test
	void negativeDaysAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(LocalDate.now(), -1));
	}

	@Test
	void easterByRule() {
		assertThat(WorkingDayCalendar.easterSunday(2024)).isEqualTo("2024-03-31");
		assertThat(WorkingDayCalendar.easterSunday(2025)).isEqualTo("2025-04-20");
		assertThat(WorkingDayCalendar.easterSunday(2026)).isEqualTo("2026-04-05");
		assertThat(WorkingDayCalendar.easterSunday(2027)).isEqualTo("2027-03-28");
		assertThat(WorkingDayCalendar.easterSunday(2038)).isEqualTo("2038-04-25");
		assertThat(WorkingDayCalendar.easterSunday(2285)).isEqualTo("2285-03-22");
	}

	private static LocalDate[] dates(String... isoDates) {
		return Stream.of(isoDates).map(LocalDate::parse).toArray(LocalDate[]::new);
	}

}
