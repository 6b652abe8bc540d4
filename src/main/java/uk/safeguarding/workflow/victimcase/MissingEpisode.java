package uk.safeguarding.workflow.victimcase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One time the person went missing: opened by {@code VictimReportedMissing}, closed by
 * {@code VictimFound}. Its number is the occasion of the episode's notices.
 */
@Entity
@Table(name = "missing_episode")
public class MissingEpisode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "case_id")
	private VictimCase victimCase;

	@Column(nullable = false)
	private int number;

	@Column(nullable = false)
	private Instant reportedAt;

	@Column(length = 64)
	private String reportedBy;

	private Instant foundAt;

	@Column(length = 64)
	private String foundBy;

	protected MissingEpisode() {
	}

	MissingEpisode(VictimCase victimCase, int number, Instant reportedAt, String reportedBy) {
		this.victimCase = victimCase;
		this.number = number;
		this.reportedAt = reportedAt;
		this.reportedBy = reportedBy;
	}

	void close(Instant at, String by) {
		this.foundAt = at;
		this.foundBy = by;
	}

	public boolean isOpen() {
		return this.foundAt == null;
	}

	public int getNumber() {
		return this.number;
	}

	public Instant getReportedAt() {
		return this.reportedAt;
	}

	public String getReportedBy() {
		return this.reportedBy;
	}

	public Instant getFoundAt() {
		return this.foundAt;
	}

	public String getFoundBy() {
		return this.foundBy;
	}

}
