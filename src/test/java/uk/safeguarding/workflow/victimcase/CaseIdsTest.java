package uk.safeguarding.workflow.victimcase;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The case look-up by remembered id gives what a look-up by reference would: the same
 * record, nothing once the record has gone, never another case's record.
 */
class CaseIdsTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final VictimCaseRepository repository = mock(VictimCaseRepository.class);

	private final CaseIds ids = new CaseIds(this.repository);

	@Test
	void aSecondLookUpReadsTheRecordByItsIdAndGivesTheSameRecord() {
		VictimCase record = record("MSHT-2026-000001", 7L);
		given(this.repository.findByReference("MSHT-2026-000001")).willReturn(Optional.of(record));
		given(this.repository.findById(7L)).willReturn(Optional.of(record));

		assertThat(this.ids.find("MSHT-2026-000001")).containsSame(record);
		assertThat(this.ids.find("MSHT-2026-000001")).containsSame(record);

		verify(this.repository, times(1)).findByReference("MSHT-2026-000001");
		verify(this.repository, times(1)).findById(7L);
	}

	@Test
	void aRecordThatHasGoneIsNotFoundAnyMore() {
		VictimCase record = record("MSHT-2026-000002", 8L);
		given(this.repository.findByReference("MSHT-2026-000002")).willReturn(Optional.of(record));
		this.ids.find("MSHT-2026-000002");
		// retention removed it
		given(this.repository.findById(8L)).willReturn(Optional.empty());
		given(this.repository.findByReference("MSHT-2026-000002")).willReturn(Optional.empty());

		assertThat(this.ids.find("MSHT-2026-000002")).isEmpty();
	}

	@Test
	void anIdHoldingAnotherCaseIsNeverAnsweredWithThatCase() {
		VictimCase first = record("MSHT-2026-000003", 9L);
		given(this.repository.findByReference("MSHT-2026-000003")).willReturn(Optional.of(first));
		this.ids.find("MSHT-2026-000003");
		VictimCase other = record("MSHT-2026-000099", 9L);
		given(this.repository.findById(9L)).willReturn(Optional.of(other));
		given(this.repository.findByReference("MSHT-2026-000003")).willReturn(Optional.empty());

		assertThat(this.ids.find("MSHT-2026-000003")).isEmpty();
	}

	@Test
	void anUnknownReferenceIsAskedEachTimeAndNotRemembered() {
		given(this.repository.findByReference("MSHT-2026-000404")).willReturn(Optional.empty());

		assertThat(this.ids.find("MSHT-2026-000404")).isEmpty();
		assertThat(this.ids.find("MSHT-2026-000404")).isEmpty();

		verify(this.repository, times(2)).findByReference("MSHT-2026-000404");
		verify(this.repository, never()).findById(org.mockito.ArgumentMatchers.any());
	}

	private static VictimCase record(String reference, Long id) {
		VictimCase record = CaseRecords.reported(reference, "W06000015", "A Person", NOW).build();
		ReflectionTestUtils.setField(record, "id", id);
		return record;
	}

}
