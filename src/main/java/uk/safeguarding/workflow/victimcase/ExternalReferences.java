package uk.safeguarding.workflow.victimcase;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * The references other bodies gave the case: the crime record, the NRM referral (and when
 * it was submitted), the Duty to Notify report and the local authority's referral. Each
 * is recorded by the step that obtains it; none identifies the person.
 */
@Embeddable
class ExternalReferences {

	private String crime;

	private String nrm;

	private Instant nrmSubmittedAt;

	private String dutyToNotify;

	private String localAuthority;

	protected ExternalReferences() {
	}

	static ExternalReferences none() {
		return new ExternalReferences();
	}

	void crime(String reference) {
		this.crime = reference;
	}

	void nrm(String reference, Instant submittedAt) {
		this.nrm = reference;
		this.nrmSubmittedAt = submittedAt;
	}

	void dutyToNotify(String reference) {
		this.dutyToNotify = reference;
	}

	void localAuthority(String reference) {
		this.localAuthority = reference;
	}

	String crime() {
		return this.crime;
	}

	String nrm() {
		return this.nrm;
	}

	Instant nrmSubmittedAt() {
		return this.nrmSubmittedAt;
	}

	String dutyToNotify() {
		return this.dutyToNotify;
	}

	String localAuthority() {
		return this.localAuthority;
	}

}
