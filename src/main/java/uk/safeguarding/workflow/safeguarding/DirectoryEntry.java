package uk.safeguarding.workflow.safeguarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The administered directory, kept in the application database. */
@Entity
@Table(name = "directory_area")
class DirectoryEntry {

	@Id
	@Column(length = 9)
	private String areaCode;

	@Column(nullable = false, length = 200)
	private String areaName;

	@Column(nullable = false, length = 254)
	private String mashEmail;

	@Column(nullable = false, length = 254)
	private String adultSafeguardingEmail;

	private boolean ictgService;

	@Column(length = 254)
	private String ictgEmail;

	private boolean devolvedChildDecisions;

	private boolean secureEmail;

	@Column(length = 500)
	private String webhookUrl;

	protected DirectoryEntry() {
	}

	DirectoryEntry(SafeguardingArea area) {
		this.areaCode = area.areaCode();
		update(area);
	}

	void update(SafeguardingArea area) {
		this.areaName = area.areaName();
		this.mashEmail = area.mashEmail();
		this.adultSafeguardingEmail = area.adultSafeguardingEmail();
		this.ictgService = area.ictgService();
		this.ictgEmail = area.ictgEmail();
		this.devolvedChildDecisions = area.devolvedChildDecisions();
		this.secureEmail = area.secureEmail();
		this.webhookUrl = area.webhookUrl();
	}

	SafeguardingArea toArea() {
		return new SafeguardingArea(this.areaCode, this.areaName, this.mashEmail, this.adultSafeguardingEmail,
				this.ictgService, this.ictgEmail, this.devolvedChildDecisions, this.secureEmail, this.webhookUrl);
	}

}
