package uk.safeguarding.workflow.process;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The journey's one clock, one zone and one reader of dates. Every "now" of the product
 * is the engine's clock, so that a test that moves it to fire a timer moves every due
 * date, chase and figure with it; every local date and time is Europe/London; every date
 * a form, a variable or a decision table holds is read here.
 */
public final class JourneyTime {

	/**
	 * England and Wales: the zone of every local date and time the product shows or
	 * reads.
	 */
	public static final ZoneId ZONE = ZoneId.of("Europe/London");

	private JourneyTime() {
	}

	/**
	 * Now, by the engine's clock. {@code ClockUtil} is an engine internal: no public API
	 * reads the clock that tests move ({@code ClockUtil.setCurrentTime}) to fire timers.
	 * @return the current instant
	 */
	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/**
	 * Today in England and Wales, by the engine's clock.
	 * @return the local date now
	 */
	public static LocalDate today() {
		return now().atZone(ZONE).toLocalDate();
	}

	/**
	 * The local date of an instant in England and Wales.
	 * @param instant an instant
	 * @return its date in Europe/London
	 */
	public static LocalDate dateOf(Instant instant) {
		return instant.atZone(ZONE).toLocalDate();
	}

	/**
	 * The instant a value holds. Accepts {@link Date}, {@link Instant},
	 * {@link OffsetDateTime}, {@link ZonedDateTime}, {@link LocalDateTime} and
	 * {@link LocalDate} values and ISO-8601 strings of those (as forms submit them: an
	 * offset date-time, {@code yyyy-MM-ddTHH:mm[:ss]} or {@code yyyy-MM-dd}). Times
	 * without an offset are Europe/London local times; a date alone is the start of that
	 * day.
	 * @param value a variable's or a form field's value
	 * @return the instant, or empty for {@code null} or a value that is none of these
	 */
	public static Optional<Instant> instant(Object value) {
		if (value instanceof Date date) {
			return Optional.of(date.toInstant());
		}
		if (value instanceof Instant instant) {
			return Optional.of(instant);
		}
		if (value instanceof OffsetDateTime offsetDateTime) {
			return Optional.of(offsetDateTime.toInstant());
		}
		if (value instanceof ZonedDateTime zonedDateTime) {
			return Optional.of(zonedDateTime.toInstant());
		}
		if (value instanceof LocalDateTime localDateTime) {
			return Optional.of(localDateTime.atZone(ZONE).toInstant());
		}
		if (value instanceof LocalDate localDate) {
			return Optional.of(localDate.atStartOfDay(ZONE).toInstant());
		}
		if (value instanceof String text) {
			return parseInstant(text.strip());
		}
		return Optional.empty();
	}

	/**
	 * The date a value holds: a {@link LocalDate}, the Europe/London date of a
	 * {@link Date} or {@link Instant}, or the {@code yyyy-MM-dd} a string starts with (a
	 * form's date field, or a date-time of which only the date counts).
	 * @param value a variable's or a form field's value
	 * @return the date, or empty for {@code null} or a value that is none of these
	 */
	public static Optional<LocalDate> date(Object value) {
		if (value instanceof LocalDate localDate) {
			return Optional.of(localDate);
		}
		if (value instanceof Date date) {
			return Optional.of(dateOf(date.toInstant()));
		}
		if (value instanceof Instant instant) {
			return Optional.of(dateOf(instant));
		}
		if (value instanceof String text) {
			String trimmed = text.strip();
			try {
				return Optional.of(LocalDate.parse((trimmed.length() > 10) ? trimmed.substring(0, 10) : trimmed));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static Optional<Instant> parseInstant(String text) {
		if (text.isEmpty()) {
			return Optional.empty();
		}
		try {
			if (text.length() == 10) {
				return instant(LocalDate.parse(text));
			}
			try {
				return Optional.of(OffsetDateTime.parse(text).toInstant());
			}
			catch (DateTimeException ex) {
				// no offset: a Europe/London local time, or one with its zone named
			}
			try {
				return Optional.of(ZonedDateTime.parse(text).toInstant());
			}
			catch (DateTimeException ex) {
				// no zone either
			}
			return instant(LocalDateTime.parse(text));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
