package uk.safeguarding.workflow.victimcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One entry of the consent ledger: given, declined, undecided or withdrawn. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "case_id")
	private VictimCase victimCase;

	@Column(nullable = false)
	private Instant recordedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private ConsentOutcome outcome;

	@Column(length = 64)
	private String explainedBy;

	private boolean professionalInterpreter;

	@Column(length = 60)
	private String step;

	protected ConsentRecord() {
	}

	ConsentRecord(VictimCase victimCase, Instant recordedAt, ConsentOutcome outcome, String explainedBy,
			boolean professionalInterpreter, String step) {
		this.victimCase = victimCase;
		this.recordedAt = recordedAt;
		this.outcome = outcome;
		this.explainedBy = explainedBy;
		this.professionalInterpreter = professionalInterpreter;
		this.step = step;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public ConsentOutcome getOutcome() {
		return this.outcome;
	}

	public String getExplainedBy() {
		return this.explainedBy;
	}

	public boolean isProfessionalInterpreter() {
		return this.professionalInterpreter;
	}

	public String getStep() {
		return this.step;
	}

}
