package uk.safeguarding.workflow.deadlines;

/**
 * The unit of a step deadline's amount, as written in the {@code step-deadlines}
 * decision.
 */
public enum DeadlineUnit {

	/** A plain duration. */
	MINUTES,

	/** A plain duration (not clock hours of a working day). */
	HOURS,

	/**
	 * Weekdays that are not England and Wales bank holidays ({@link WorkingDayCalendar}).
	 */
	WORKING_DAYS,

	/** Calendar days in Europe/London: the same local time that many days later. */
	CALENDAR_DAYS

}
