package uk.safeguarding.workflow.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays.
 * <p>
 * The regular bank holidays are computed by rule for any year: New Year's Day (or the
 * substitute Monday), Good Friday, Easter Monday, the early May bank holiday (first
 * Monday of May), the spring bank holiday (last Monday of May), the summer bank holiday
 * (last Monday of August), Christmas Day and Boxing Day (with substitute weekdays when
 * they fall on a weekend). One-off changes made by royal proclamation are data: a set of
 * extra dates (a state funeral, a coronation) and a set of removed dates (a bank holiday
 * moved to another day is one removed date plus one extra date). The no-arg constructor
 * ships the known changes since 1995 ({@link #DEFAULT_EXTRA_HOLIDAYS},
 * {@link #DEFAULT_REMOVED_HOLIDAYS}). The rules are those in force since 1978; earlier
 * years are computed with the same rules.
 * <p>
 * Adding working days: the result is the N-th working day after the start date, at the
 * same local time of day in {@link #ZONE}. Counting starts from the next working day, so
 * a start on a weekend or holiday counts as if it were made at the end of the previous
 * working day: Friday 15:00 + 1 working day is Monday 15:00, and Saturday 10:00 + 1
 * working day is Monday 10:00 too. Adding zero working days returns the start unchanged.
 * <p>
 * Thread-safe and immutable.
 */
public class WorkingDayCalendar {

	/** The zone every deadline is computed in. */
	public static final ZoneId ZONE = JourneyTime.ZONE;

	/**
	 * One-off England and Wales bank holidays (and the new days of moved bank holidays),
	 * 1995 onwards.
	 */
	public static final Set<LocalDate> DEFAULT_EXTRA_HOLIDAYS = dates(
			// early May bank holiday moved to VE Day (50th anniversary)
			"1995-05-08",
			// millennium
			"1999-12-31",
			// Golden Jubilee: spring bank holiday moved to 4 June, 3 June extra
			"2002-06-03", "2002-06-04",
			// royal wedding
			"2011-04-29",
			// Diamond Jubilee: spring bank holiday moved to 4 June, 5 June extra
			"2012-06-04", "2012-06-05",
			// early May bank holiday moved to VE Day (75th anniversary)
			"2020-05-08",
			// Platinum Jubilee: spring bank holiday moved to 2 June, 3 June extra
			"2022-06-02", "2022-06-03",
			// state funeral of Queen Elizabeth II
			"2022-09-19",
			// coronation of King Charles III
			"2023-05-08");

	/** Rule-computed bank holidays that were moved away by proclamation, 1995 onwards. */
	public static final Set<LocalDate> DEFAULT_REMOVED_HOLIDAYS = dates("1995-05-01", "2002-05-27", "2012-05-28",
			"2020-05-04", "2022-05-30");

	private final Set<LocalDate> extraHolidays;

	private final Set<LocalDate> removedHolidays;

	private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

	/** England and Wales bank holidays with the known one-off changes since 1995. */
	public WorkingDayCalendar() {
		this(DEFAULT_EXTRA_HOLIDAYS, DEFAULT_REMOVED_HOLIDAYS);
	}

	/**
	 * England and Wales bank holidays by rule, adjusted by exactly the given sets (they
	 * replace the defaults: to keep those, include {@link #DEFAULT_EXTRA_HOLIDAYS} and
	 * {@link #DEFAULT_REMOVED_HOLIDAYS}).
	 * @param extraHolidays dates that are bank holidays besides the rule-computed ones
	 * @param removedHolidays rule-computed dates that are not bank holidays
	 */
	public WorkingDayCalendar(Set<LocalDate> extraHolidays, Set<LocalDate> removedHolidays) {
		this.extraHolidays = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(extraHolidays)));
		this.removedHolidays = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(removedHolidays)));
	}

	public Set<LocalDate> getExtraHolidays() {
		return this.extraHolidays;
	}

	public Set<LocalDate> getRemovedHolidays() {
		return this.removedHolidays;
	}

	/** True on Monday to Friday unless the date is a bank holiday. */
	public boolean isWorkingDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
	}

	public boolean isBankHoliday(LocalDate date) {
		return bankHolidays(date.getYear()).contains(date);
	}

	/** The England and Wales bank holidays of a year, in date order. */
	public Set<LocalDate> bankHolidays(int year) {
		return this.holidaysByYear.computeIfAbsent(year, this::computeBankHolidays);
	}

	/**
	 * The {@code days}-th working day after {@code start} (counting starts on the next
	 * working day; zero returns {@code start}).
	 * @throws IllegalArgumentException when {@code days} is negative
	 */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		Objects.requireNonNull(start, "start");
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate date = start;
		int remaining = days;
		while (remaining > 0) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				remaining--;
			}
		}
		return date;
	}

	/**
	 * The {@code days}-th working day after the start's date in {@link #ZONE}, at the
	 * same local time of day (a time that does not exist on that day because the clocks
	 * go forward moves on by the length of the gap). The result is in {@link #ZONE}.
	 * @throws IllegalArgumentException when {@code days} is negative
	 */
	public ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
		ZonedDateTime local = Objects.requireNonNull(start, "start").withZoneSameInstant(ZONE);
		if (days == 0) {
			return local;
		}
		LocalDate date = addWorkingDays(local.toLocalDate(), days);
		return ZonedDateTime.of(date, local.toLocalTime(), ZONE);
	}

	private Set<LocalDate> computeBankHolidays(int year) {
		TreeSet<LocalDate> holidays = new TreeSet<>();
		holidays.add(substituteIfWeekend(LocalDate.of(year, Month.JANUARY, 1)));
		LocalDate easter = easterSunday(year);
		holidays.add(easter.minusDays(2));
		holidays.add(easter.plusDays(1));
		holidays.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
		holidays.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
		holidays.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
		addChristmas(year, holidays);
		holidays.removeAll(this.removedHolidays);
		for (LocalDate extra : this.extraHolidays) {
			if (extra.getYear() == year) {
				holidays.add(extra);
			}
		}
		return Collections.unmodifiableSet(holidays);
	}

	/**
	 * Christmas Day and Boxing Day; each that falls on a weekend moves to the next free
	 * weekday.
	 */
	private static void addChristmas(int year, Set<LocalDate> holidays) {
		LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
		LocalDate boxingDay = christmas.plusDays(1);
		LocalDate christmasHoliday = isWeekend(christmas) ? nextFreeWeekday(christmas, holidays) : christmas;
		holidays.add(christmasHoliday);
		LocalDate boxingDayHoliday = (isWeekend(boxingDay) || holidays.contains(boxingDay))
				? nextFreeWeekday(boxingDay, holidays) : boxingDay;
		holidays.add(boxingDayHoliday);
	}

	private static LocalDate nextFreeWeekday(LocalDate from, Set<LocalDate> taken) {
		LocalDate date = from;
		while (isWeekend(date) || taken.contains(date)) {
			date = date.plusDays(1);
		}
		return date;
	}

	private static LocalDate substituteIfWeekend(LocalDate date) {
		return isWeekend(date) ? date.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : date;
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/**
	 * Easter Sunday in the Gregorian calendar (the anonymous Gregorian, or
	 * Meeus/Jones/Butcher, algorithm).
	 */
	static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

	private static Set<LocalDate> dates(String... isoDates) {
		TreeSet<LocalDate> set = new TreeSet<>();
		for (String isoDate : isoDates) {
			set.add(LocalDate.parse(isoDate));
		}
		return Collections.unmodifiableSet(set);
	}

}
