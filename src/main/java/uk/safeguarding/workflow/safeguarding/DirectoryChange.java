package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited change to the safeguarding directory: who, when, what before and after. */
@Entity
@Table(name = "directory_change")
public class DirectoryChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 64)
	private String userId;

	@Column(nullable = false, length = 9)
	private String areaCode;

	/**
	 * {@code SEED}, {@code ADD}, {@code CHANGE}, {@code IMPORT_ADD},
	 * {@code IMPORT_CHANGE}.
	 */
	@Column(nullable = false, length = 20)
	private String action;

	@Column(length = 2000)
	private String before;

	@Column(length = 2000)
	private String after;

	protected DirectoryChange() {
	}

	DirectoryChange(Instant at, String userId, String areaCode, String action, String before, String after) {
		this.at = at;
		this.userId = userId;
		this.areaCode = areaCode;
		this.action = action;
		this.before = before;
		this.after = after;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getAreaCode() {
		return this.areaCode;
	}

	public String getAction() {
		return this.action;
	}

	public String getBefore() {
		return this.before;
	}

	public String getAfter() {
		return this.after;
	}

}
