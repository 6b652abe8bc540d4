package uk.safeguarding.workflow.victimcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last case number issued in a year, for references {@code MSHT-YYYY-NNNNNN}. */
@Entity
@Table(name = "case_reference_counter")
class CaseReferenceCounter {

	@Id
	@Column(name = "counter_year")
	private Integer year;

	@Column(name = "last_number", nullable = false)
	private int lastNumber;

	protected CaseReferenceCounter() {
	}

	CaseReferenceCounter(int year) {
		this.year = year;
	}

	int next() {
		this.lastNumber++;
		return this.lastNumber;
	}

}
