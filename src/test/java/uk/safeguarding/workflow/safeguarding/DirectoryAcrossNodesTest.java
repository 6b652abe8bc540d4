package uk.safeguarding.workflow.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.safeguarding.workflow.SharedApplicationTest;

/**
 * Two nodes share one database, and each holds a copy of the directory. A change an
 * administrator makes on the other node (written here as that node writes it: the area
 * row and its audited change, without touching this node's copy) is used here too: an
 * added area at once, a changed address within the check interval. A change rolled back
 * leaves no trace in this node's copy.
 */
@SharedApplicationTest
class DirectoryAcrossNodesTest {

	@Autowired
	SafeguardingDirectory directory;

	@Autowired
	DirectoryAdministration administration;

	@Autowired
	DirectoryEntryRepository entries;

	@Autowired
	DirectoryChangeRepository changes;

	@Autowired
	DirectoryProperties properties;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anAreaAddedOnTheOtherNode_isFoundHereAtOnce_andAChangedAddressWithinTheCheckInterval() {
		String code = "E07999831";
		assertThat(this.directory.find(code)).isEmpty();

		onTheOtherNode(area(code, "mash@first.example.gov.uk"), null);
		assertThat(this.directory.find(code)).as("a code this copy lacks is looked up at once")
			.map(SafeguardingArea::mashEmail)
			.contains("mash@first.example.gov.uk");

		onTheOtherNode(area(code, "mash@moved.example.gov.uk"), area(code, "mash@first.example.gov.uk"));
		Instant deadline = Instant.now().plus(this.properties.getCheckInterval()).plusSeconds(10);
		Optional<String> address = this.directory.find(code).map(SafeguardingArea::mashEmail);
		while (!address.equals(Optional.of("mash@moved.example.gov.uk")) && Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(200));
			address = this.directory.find(code).map(SafeguardingArea::mashEmail);
		}
		assertThat(address).as("the hub's new address, within %s", this.properties.getCheckInterval())
			.contains("mash@moved.example.gov.uk");
		assertThat(this.directory.all()).filteredOn((area) -> area.areaCode().equals(code)).hasSize(1);
	}

	@Test
	void anAreaAddedInATransactionThatRollsBack_isNotInTheDirectory() {
		String code = "E07999832";
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatThrownBy(() -> transaction.executeWithoutResult((status) -> {
			this.administration.add(area(code, "mash@rolled-back.example.gov.uk"), "admin");
			assertThat(this.directory.find(code)).as("seen inside its own transaction").isPresent();
			throw new IllegalStateException("a later step of the same transaction fails");
		})).hasMessageContaining("a later step");

		assertThat(this.entries.findById(code)).isEmpty();
		assertThat(this.directory.find(code)).as("the copy holds what the database holds").isEmpty();
		assertThat(this.directory.all()).noneMatch((area) -> area.areaCode().equals(code));
	}

	/** What {@link DirectoryAdministration} on another node writes for one area. */
	private void onTheOtherNode(SafeguardingArea area, SafeguardingArea before) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			DirectoryEntry entry = this.entries.findById(area.areaCode()).orElse(null);
			if (entry == null) {
				this.entries.save(new DirectoryEntry(area));
			}
			else {
				entry.update(area);
			}
			this.changes.save(new DirectoryChange(Instant.now(), "admin", area.areaCode(),
					(before == null) ? "ADD" : "CHANGE", null, "{}"));
		});
	}

	private static SafeguardingArea area(String code, String mash) {
		return new SafeguardingArea(code, "Other Node Vale", mash, "adults@other-node.example.gov.uk", false, null,
				false, false, null);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

}
