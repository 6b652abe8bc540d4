package uk.safeguarding.workflow.victimcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The police operation a case belongs to, when other potential victims were found with
 * the person: cases with the same operation reference are linked, each still its own
 * journey.
 */
@Entity
@Table(name = "case_operation")
public class CaseOperation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@OneToOne(optional = false)
	@JoinColumn(name = "case_id", unique = true)
	private VictimCase victimCase;

	@Column(nullable = false, length = 30)
	private String operationReference;

	@Column(nullable = false)
	private Instant linkedAt;

	@Column(length = 64)
	private String linkedBy;

	protected CaseOperation() {
	}

	CaseOperation(VictimCase victimCase, String operationReference, Instant linkedAt, String linkedBy) {
		this.victimCase = victimCase;
		this.operationReference = operationReference;
		this.linkedAt = linkedAt;
		this.linkedBy = linkedBy;
	}

	void relink(String operationReference, Instant at, String by) {
		this.operationReference = operationReference;
		this.linkedAt = at;
		this.linkedBy = by;
	}

	public VictimCase getVictimCase() {
		return this.victimCase;
	}

	public String getOperationReference() {
		return this.operationReference;
	}

	public Instant getLinkedAt() {
		return this.linkedAt;
	}

	public String getLinkedBy() {
		return this.linkedBy;
	}

}
