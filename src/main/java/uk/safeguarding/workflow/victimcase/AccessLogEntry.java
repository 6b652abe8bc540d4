package uk.safeguarding.workflow.victimcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Data Protection Act 2018 s62 logging: every operation on a case record by a person or
 * on their behalf, with who, when, which case and what. Append-only; kept outside engine
 * history.
 */
@Entity
@Table(name = "case_access_log")
public class AccessLogEntry {

	/** The kinds of processing s62 names. */
	public enum Operation {

		COLLECTION, ALTERATION, CONSULTATION, DISCLOSURE, COMBINATION, ERASURE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(length = 64)
	private String userId;

	@Column(nullable = false, length = 20)
	private String caseReference;

	@Column(nullable = false, length = 20)
	private String operation;

	@Column(nullable = false, length = 300)
	private String purpose;

	protected AccessLogEntry() {
	}

	public AccessLogEntry(Instant at, String userId, String caseReference, Operation operation, String purpose) {
		this.at = at;
		this.userId = userId;
		this.caseReference = caseReference;
		this.operation = operation.name();
		this.purpose = purpose;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getCaseReference() {
		return this.caseReference;
	}

	public String getOperation() {
		return this.operation;
	}

	public String getPurpose() {
		return this.purpose;
	}

}
