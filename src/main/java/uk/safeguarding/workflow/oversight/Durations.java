package uk.safeguarding.workflow.oversight;

import java.time.Duration;

/** Durations in the words a supervisor reads at a glance ("3 days 4 hours"). */
final class Durations {

	private Durations() {
	}

	static String text(Duration duration) {
		if (duration == null) {
			return "";
		}
		long minutes = Math.max(0, duration.toMinutes());
		long days = minutes / (24 * 60);
		long hours = (minutes / 60) % 24;
		long mins = minutes % 60;
		if (days > 0) {
			return plural(days, "day") + ((hours > 0) ? " " + plural(hours, "hour") : "");
		}
		if (hours > 0) {
			return plural(hours, "hour") + ((mins > 0) ? " " + plural(mins, "minute") : "");
		}
		return plural(mins, "minute");
	}

	private static String plural(long amount, String unit) {
		return amount + " " + unit + ((amount == 1) ? "" : "s");
	}

}
