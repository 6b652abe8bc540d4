package uk.safeguarding.workflow.victimcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * The last case number issued in a year, for references {@code MSHT-YYYY-NNNNNN}.
 * <p>
 * A new year's row is always inserted, never merged: with an assigned id Spring Data
 * would otherwise merge it, and a merge that finds the row another start committed a
 * moment earlier overwrites its number (two cases with one reference). An insert that
 * meets that row fails on the key instead, and {@link CaseReferences} then locks the row
 * and counts on.
 */
@Entity
@Table(name = "case_reference_counter")
class CaseReferenceCounter implements Persistable<Integer> {

	@Id
	@Column(name = "counter_year")
	private Integer year;

	@Column(name = "last_number", nullable = false)
	private int lastNumber;

	@Transient
	private boolean inserted;

	protected CaseReferenceCounter() {
	}

	CaseReferenceCounter(int year) {
		this.year = year;
	}

	@Override
	public Integer getId() {
		return this.year;
	}

	@Override
	public boolean isNew() {
		return !this.inserted;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.inserted = true;
	}

	int next() {
		this.lastNumber++;
		return this.lastNumber;
	}

}
