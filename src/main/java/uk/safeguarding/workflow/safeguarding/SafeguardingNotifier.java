package uk.safeguarding.workflow.safeguarding;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * Decides who receives each notice of spec section 6, and how, and stores it in the
 * {@link NotificationOutbox} in the caller's transaction (the process step's); delivery
 * follows after commit. A victim's identifying details go only to a recipient whose
 * directory entry says {@code secure_email=true}, as an attached referral summary; never
 * the place-of-safety address. A case whose area has no directory entry is not skipped:
 * the step fails with a message naming the area, and an incident is raised.
 */
@Service
public class SafeguardingNotifier {

	private final SafeguardingDirectory directory;

	private final VictimCaseService cases;

	private final IdentityService identity;

	private final NotificationOutbox outbox;

	private final ApplicationEventPublisher events;

	public SafeguardingNotifier(SafeguardingDirectory directory, VictimCaseService cases, IdentityService identity,
			NotificationOutbox outbox, ApplicationEventPublisher events) {
		this.directory = directory;
		this.cases = cases;
		this.identity = identity;
		this.outbox = outbox;
		this.events = events;
	}

	/**
	 * Notifies the area's safeguarding hub: children's services for a child, adult
	 * safeguarding for an adult with care and support needs, otherwise a notice with no
	 * identifying data. An area with a webhook receives it there (no identifying data).
	 * @return whether the notice is a secure referral about a child (children's services
	 * will know)
	 */
	public boolean notifyHub(String reference, Notice notice, String occasion, String processInstanceId) {
		VictimCase record = requireCase(reference);
		SafeguardingArea area = requireArea(record, notice);
		HubRoute route = HubRoute.of(record.isChild(), record.isCareAndSupportNeeds(), area);
		this.outbox.enqueue(new NoticeRequest(reference, notice, route.recipient(), route.channel(), occasion,
				route.audience(), area.areaCode(), route.identifying(), null, processInstanceId));
		return route.childrensServicesKnow();
	}

	/**
	 * Refers a child to the Independent Child Trafficking Guardian service for the area.
	 */
	public void referToIctg(String reference, Notice notice, String occasion, String processInstanceId) {
		VictimCase record = requireCase(reference);
		SafeguardingArea area = requireArea(record, notice);
		if (!area.ictgService() || area.ictgEmail() == null) {
			throw new NotificationDeliveryException(
					"Could not send the " + notice + " ICTG referral for " + reference + ": area " + area.areaCode()
							+ " (" + area.areaName() + ") has no ICTG service in the safeguarding directory",
					true);
		}
		this.outbox.enqueue(new NoticeRequest(reference, notice, area.ictgEmail(), Channel.EMAIL, occasion,
				"Independent Child Trafficking Guardian service", area.areaCode(), area.secureEmail(), null,
				processInstanceId));
		this.events.publishEvent(new IctgReferralQueued(reference));
	}

	/**
	 * Alerts every supervisor with an email address that a case carries immediate risk.
	 * @return how many were alerted
	 */
	public int alertSupervisors(String reference, String supervisorsGroup, String processInstanceId) {
		VictimCase record = requireCase(reference);
		SafeguardingArea area = requireArea(record, Notice.IMMEDIATE_RISK);
		List<User> supervisors = this.identity.createUserQuery().memberOfGroup(supervisorsGroup).list();
		int queued = 0;
		for (User supervisor : supervisors) {
			if (supervisor.getEmail() != null && !supervisor.getEmail().isBlank()) {
				this.outbox.enqueue(new NoticeRequest(reference, Notice.IMMEDIATE_RISK, supervisor.getEmail(),
						Channel.EMAIL, "case-opened", "Supervisor: immediate safeguarding is due within 30 minutes",
						area.areaCode(), false, null, processInstanceId));
				queued++;
			}
		}
		return queued;
	}

	/**
	 * Tells a named person that a step has been assigned to them: the case reference and
	 * the step only. Nothing is sent when the person has no email address.
	 * @param occasion what makes this assignment distinct (the task id and assignee)
	 * @return whether a notice was stored
	 */
	public boolean notifyAssignee(String reference, String assignee, String stepName, String occasion,
			String processInstanceId) {
		User user = this.identity.createUserQuery().userId(assignee).singleResult();
		if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			return false;
		}
		this.outbox.enqueue(new NoticeRequest(reference, Notice.TASK_ASSIGNED, user.getEmail(), Channel.EMAIL, occasion,
				"Assignee", null, false, stepName, processInstanceId));
		return true;
	}

	/**
	 * Tells people that a step is overdue: the case reference, the step and who it is
	 * for, nothing about the victim. Once per task, level and recipient (the occasion).
	 * @param userIds the people to tell (those without an email address are skipped)
	 * @return how many notices were stored
	 */
	public int notifyOverdue(String reference, List<String> userIds, String stepName, String audience, String occasion,
			String processInstanceId) {
		int stored = 0;
		for (String userId : userIds) {
			User user = this.identity.createUserQuery().userId(userId).singleResult();
			if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
				continue;
			}
			this.outbox.enqueue(new NoticeRequest(reference, Notice.ESCALATION, user.getEmail(), Channel.EMAIL,
					occasion, audience, null, false, stepName, processInstanceId));
			stored++;
		}
		return stored;
	}

	private SafeguardingArea requireArea(VictimCase record, Notice notice) {
		return this.directory.find(record.getAreaCode())
			.orElseThrow(() -> new NotificationDeliveryException(
					"Could not send the " + notice + " notice for " + record.getReference() + ": area "
							+ record.getAreaCode()
							+ " is not in the safeguarding directory. Add the area (Directory admin), then retry.",
					true));
	}

	private VictimCase requireCase(String reference) {
		return this.cases.find(reference).orElseThrow(() -> new IllegalStateException("No case record " + reference));
	}

}
