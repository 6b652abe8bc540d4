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
 * A line of the case chronology: what happened, when and who did it. {@code details} may
 * hold the free text an officer wrote; {@code summary} never holds personal data.
 */
@Entity
@Table(name = "chronology_entry")
public class ChronologyEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "case_id")
	private VictimCase victimCase;

	@Column(nullable = false)
	private Instant at;

	@Column(length = 64)
	private String actor;

	@Column(nullable = false, length = 80)
	private String step;

	@Column(nullable = false, length = 500)
	private String summary;

	// text in the row, not a large object (changeset 600: a PostgreSQL large object is
	// never unlinked when its row goes)
	@Column(length = 20000)
	private String details;

	protected ChronologyEntry() {
	}

	ChronologyEntry(VictimCase victimCase, Instant at, String actor, String step, String summary, String details) {
		this.victimCase = victimCase;
		this.at = at;
		this.actor = actor;
		this.step = step;
		this.summary = summary;
		this.details = details;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getActor() {
		return this.actor;
	}

	public String getStep() {
		return this.step;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getDetails() {
		return this.details;
	}

}
