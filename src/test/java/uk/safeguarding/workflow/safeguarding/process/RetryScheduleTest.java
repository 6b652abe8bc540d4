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
	}

	@Test
	void repeatForm_isThatManyRetriesOneWaitApart() {
		RetrySchedule schedule = RetrySchedule.parse("R4/PT30S");

		assertThat(schedule.waits()).hasSize(4).containsOnly(Duration.ofSeconds(30));
		assertThat(schedule.attempts()).isEqualTo(5);
	}

	@Test
	void engineCycle_triesTheNoticeAsOftenAsTheSchedule_inTheFormTheEngineCounts() {
		assertThat(RetrySchedule.parse(" PT1M, PT5M,PT15M ").engineCycle()).isEqualTo("PT1M,PT5M,PT15M");
		// the engine's R4 is four attempts in all; the product's is four retries
		assertThat(RetrySchedule.parse("R4/PT30S").engineCycle()).isEqualTo("PT30S,PT30S,PT30S,PT30S");
		assertThat(RetrySchedule.parse("R1/PT30S").engineCycle()).isEqualTo("R2/PT30S");
		assertThat(RetrySchedule.parse("R0/PT30S").engineCycle()).isEqualTo("R1/PT0S");
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
