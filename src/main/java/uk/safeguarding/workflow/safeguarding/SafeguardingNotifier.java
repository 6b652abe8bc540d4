package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * Sends the safeguarding notices of spec section 6 by email. A body carries the case
 * reference, notice type, area, urgency and the contact officer; a victim's name and date
 * of birth only when the directory marks the recipient's channel secure; never the
 * place-of-safety address. Every notice is recorded on the case as a disclosure.
 */
@Service
public class SafeguardingNotifier {

	private static final Logger log = LoggerFactory.getLogger(SafeguardingNotifier.class);

	private final JavaMailSender mail;

	private final SafeguardingDirectory directory;

	private final VictimCaseService cases;

	private final IdentityService identity;

	private final String from;

	public SafeguardingNotifier(JavaMailSender mail, SafeguardingDirectory directory, VictimCaseService cases,
			IdentityService identity, @Value("${safeguarding.mail.from}") String from) {
		this.mail = mail;
		this.directory = directory;
		this.cases = cases;
		this.identity = identity;
		this.from = from;
	}

	/**
	 * Notifies the area's safeguarding hub: children's services for a child, adult
	 * safeguarding for an adult with care and support needs, otherwise a notice with no
	 * identifying data.
	 * @return whether the notice was a secure referral about a child (children's services
	 * now know)
	 */
	public boolean notifyHub(String reference, Notice notice, String occasion) {
		VictimCase record = requireCase(reference);
		SafeguardingArea area = this.directory.require(record.getAreaCode());
		String recipient;
		String audience;
		if (record.isChild()) {
			recipient = area.mashEmail();
			audience = "Children's services (MASH)";
		}
		else if (record.isCareAndSupportNeeds()) {
			recipient = area.adultSafeguardingEmail();
			audience = "Adult safeguarding (Care Act 2014 s42)";
		}
		else {
			recipient = area.mashEmail();
			audience = "Safeguarding hub (no identifying data: adult without care and support needs)";
		}
		boolean identifying = area.secureEmail() && (record.isChild() || record.isCareAndSupportNeeds());
		send(record, area, recipient, notice, audience, identifying, occasion);
		return identifying && record.isChild();
	}

	/**
	 * Refers a child to the Independent Child Trafficking Guardian service for the area.
	 */
	public void referToIctg(String reference, Notice notice, String occasion) {
		VictimCase record = requireCase(reference);
		SafeguardingArea area = this.directory.require(record.getAreaCode());
		if (!area.ictgService() || area.ictgEmail() == null) {
			throw new IllegalStateException("Area " + area.areaCode() + " (" + area.areaName()
					+ ") has no ICTG service in the safeguarding directory; case " + reference + " was not referred.");
		}
		send(record, area, area.ictgEmail(), notice, "Independent Child Trafficking Guardian service",
				area.secureEmail(), occasion);
	}

	/**
	 * Alerts every supervisor with an email address that a case carries immediate risk.
	 */
	public int alertSupervisors(String reference, String supervisorsGroup) {
		VictimCase record = requireCase(reference);
		SafeguardingArea area = this.directory.require(record.getAreaCode());
		List<User> supervisors = this.identity.createUserQuery().memberOfGroup(supervisorsGroup).list();
		int sent = 0;
		for (User supervisor : supervisors) {
			if (supervisor.getEmail() != null && !supervisor.getEmail().isBlank()) {
				send(record, area, supervisor.getEmail(), Notice.IMMEDIATE_RISK,
						"Supervisor: immediate safeguarding is due within 30 minutes", false, "case-opened");
				sent++;
			}
		}
		return sent;
	}

	private void send(VictimCase record, SafeguardingArea area, String recipient, Notice notice, String audience,
			boolean identifying, String occasion) {
		boolean urgent = record.isImmediateRisk() || notice == Notice.VICTIM_MISSING || notice == Notice.IMMEDIATE_RISK;
		String urgency = urgent ? "URGENT" : "Routine";
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(recipient);
		message.setSubject("[" + urgency + "] " + notice.title(identifying) + " " + record.getReference() + " - "
				+ area.areaName() + (record.isChild() ? " - child" : " - adult"));
		message.setText(body(record, area, notice, audience, identifying, urgency, occasion));
		this.mail.send(message);
		this.cases.recordDisclosure(record.getReference(), recipient,
				notice.title(identifying) + (identifying ? " (identifying, secure channel)" : " (no identifying data)"),
				Instant.now());
		log.info("Sent {} for case {} to {} ({})", notice, record.getReference(), recipient, occasion);
	}

	private String body(VictimCase record, SafeguardingArea area, Notice notice, String audience, boolean identifying,
			String urgency, String occasion) {
		List<String> lines = new ArrayList<>();
		lines.add(notice.title(identifying));
		lines.add("");
		lines.add("Case reference: " + record.getReference());
		lines.add("Notice: " + notice.name() + " (" + occasion + ")");
		lines.add("For: " + audience);
		lines.add("Area: " + area.areaName() + " (" + area.areaCode() + ")");
		lines.add("Urgency: " + urgency + (record.isImmediateRisk() ? " - immediate risk reported" : ""));
		lines.add("Pathway: " + (record.isChild() ? "child (or presumed child)" : "adult"));
		lines.add("Exploitation types: " + record.getExploitationTypes());
		if (identifying) {
			lines.add("");
			lines.add("Sent over a secure channel:");
			lines.add("Name or alias: " + record.getVictimName());
			lines.add("Date of birth: " + ((record.getDateOfBirth() != null) ? record.getDateOfBirth() : "not known")
					+ ((record.getEstimatedAge() != null) ? " (estimated age " + record.getEstimatedAge() + ")" : ""));
		}
		lines.add("");
		lines.add("Contact officer: " + contact(record.getReportingOfficer()));
		lines.add("");
		lines.add(
				"Quote the case reference in every reply. This notice identifies no one unless it says it was sent over a secure channel.");
		return String.join("\n", lines);
	}

	private String contact(String userId) {
		if (userId == null) {
			return "the force's modern slavery single point of contact";
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getFirstName() != null) ? user.getFirstName() + " " : "")
				+ ((user.getLastName() != null) ? user.getLastName() : "");
		return name.strip() + ((user.getEmail() != null) ? " <" + user.getEmail() + ">" : "");
	}

	private VictimCase requireCase(String reference) {
		return this.cases.find(reference).orElseThrow(() -> new IllegalStateException("No case record " + reference));
	}

}
