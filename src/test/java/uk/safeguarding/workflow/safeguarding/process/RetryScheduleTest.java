package uk.safeguarding.workflow.safeguarding.process;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

	@Test
	void listOfDurations_isOneRetryAfterEachWait() {
		RetrySchedule schedule = RetrySchedule.parse(" PT1M, PT5M,PT15M ");

		assertThat(schedule.waits()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5),
				Duration.ofMinutes(15));
		assertThat(schedule.attempts()).isEqualTo(4);
		// the job starts with 4 retries; after the first failure 3 are left
		assertThat(schedule.waitBefore(3)).isEqualTo(Duration.ofMinutes(1));
		assertThat(schedule.waitBefore(1)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void repeatForm_isThatManyRetriesOneWaitApart() {
		RetrySchedule schedule = RetrySchedule.parse("R4/PT30S");

		assertThat(schedule.waits()).hasSize(4).containsOnly(Duration.ofSeconds(30));
		assertThat(schedule.attempts()).isEqualTo(5);
	}

	@Test
	void cycleThatIsNeither_namesThePropertyAndBothForms() {
		assertThatThrownBy(() -> RetrySchedule.parse("every minute")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("safeguarding.policy.notification-retry-cycle 'every minute' is not valid; it must be a "
					+ "list of ISO-8601 durations such as PT1M,PT5M,PT15M,PT60M, or R4/PT1M");
		assertThatThrownBy(() -> RetrySchedule.parse("PT1M,,PT5M")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not valid");
		assertThatThrownBy(() -> RetrySchedule.parse(" ")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("safeguarding.policy.notification-retry-cycle is empty");
	}

}
