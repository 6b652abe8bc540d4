package uk.safeguarding.workflow.oversight;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * One completed step of a case, kept for the dashboard's trends so that no page load
 * scans the engine's whole history: the step, where and whose case it was, when it was
 * due and when it was done. References and codes only; no personal data.
 */
@Entity
@Table(name = "oversight_step_outcome",
		indexes = { @Index(name = "ix_oversight_step_outcome_completed", columnList = "completed_at"),
				@Index(name = "ix_oversight_step_outcome_case", columnList = "case_reference") })
public class StepOutcome {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_reference", nullable = false, length = 20)
	private String caseReference;

	@Column(name = "step", nullable = false, length = 64)
	private String step;

	@Column(name = "area_code", length = 9)
	private String areaCode;

	@Column(name = "pathway", length = 10)
	private String pathway;

	@Column(name = "supervisor", length = 64)
	private String supervisor;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "completed_at", nullable = false)
	private Instant completedAt;

	/** Completed by its due date (or it had none). */
	@Column(name = "on_time", nullable = false)
	private boolean onTime;

	@Column(name = "duration_ms", nullable = false)
	private long durationMs;

	protected StepOutcome() {
	}

	public StepOutcome(String caseReference, String step, String areaCode, String pathway, String supervisor,
			Instant createdAt, Instant dueAt, Instant completedAt) {
		this.caseReference = caseReference;
		this.step = step;
		this.areaCode = areaCode;
		this.pathway = pathway;
		this.supervisor = supervisor;
		this.createdAt = createdAt;
		this.dueAt = dueAt;
		this.completedAt = completedAt;
		this.onTime = dueAt == null || !completedAt.isAfter(dueAt);
		this.durationMs = Math.max(0, completedAt.toEpochMilli() - createdAt.toEpochMilli());
	}

	public String getCaseReference() {
		return this.caseReference;
	}

	public String getStep() {
		return this.step;
	}

	public boolean isOnTime() {
		return this.onTime;
	}

}
