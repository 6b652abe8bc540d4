package uk.safeguarding.workflow.victimcase;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The competent authority's decisions on the NRM referral: reasonable grounds, then
 * conclusive grounds, each with the date it was made. A conclusive decision earlier than
 * 30 days after reasonable grounds (the recovery period, MSA s50A) is flagged.
 */
@Embeddable
class GroundsDecisions {

	@Enumerated(EnumType.STRING)
	private GroundsDecision reasonableGrounds;

	private LocalDate reasonableGroundsDate;

	@Enumerated(EnumType.STRING)
	private GroundsDecision conclusiveGrounds;

	private LocalDate conclusiveGroundsDate;

	private boolean conclusiveFlagged;

	protected GroundsDecisions() {
	}

	static GroundsDecisions none() {
		return new GroundsDecisions();
	}

	void reasonableGrounds(GroundsDecision decision, LocalDate date) {
		this.reasonableGrounds = decision;
		this.reasonableGroundsDate = date;
	}

	void conclusiveGrounds(GroundsDecision decision, LocalDate date, boolean flagged) {
		this.conclusiveGrounds = decision;
		this.conclusiveGroundsDate = date;
		this.conclusiveFlagged = flagged;
	}

	GroundsDecision reasonableGrounds() {
		return this.reasonableGrounds;
	}

	LocalDate reasonableGroundsDate() {
		return this.reasonableGroundsDate;
	}

	GroundsDecision conclusiveGrounds() {
		return this.conclusiveGrounds;
	}

	LocalDate conclusiveGroundsDate() {
		return this.conclusiveGroundsDate;
	}

	boolean conclusiveFlagged() {
		return this.conclusiveFlagged;
	}

}
