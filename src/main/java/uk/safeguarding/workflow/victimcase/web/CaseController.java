package uk.safeguarding.workflow.victimcase.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.nrm.DutyToNotifyReport;
import uk.safeguarding.workflow.nrm.NrmReferralSummary;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.safeguarding.NotificationView;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.SafeguardingDirectory;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.victimcase.VictimCase;

/**
 * The case record over REST, for people connected to the case and managers. Every read is
 * logged (Data Protection Act 2018 s62).
 */
@RestController
@Transactional
@RequestMapping("/api/cases")
class CaseController {

	private final VictimCaseService cases;

	private final IdentityService identity;

	private final NotificationOutbox notifications;

	private final CaseAccess access;

	private final SafeguardingDirectory directory;

	CaseController(VictimCaseService cases, IdentityService identity, NotificationOutbox notifications,
			CaseAccess access, SafeguardingDirectory directory) {
		this.cases = cases;
		this.identity = identity;
		this.notifications = notifications;
		this.access = access;
		this.directory = directory;
	}

	/**
	 * Every notification of the case and each delivery attempt: recipient, channel,
	 * status, attempts, last error, sent time.
	 */
	@GetMapping("/{reference}/notifications")
	List<NotificationView> notifications(@PathVariable String reference) {
		consult(reference, "Notifications of the case");
		return this.notifications.forCase(reference);
	}

	/**
	 * A supervisor's or manager's answer for a notice whose delivery is unknown (an
	 * attempt stopped between sending and recording) or failed: {@code delivered=true}
	 * when the recipient confirms they have it (never sent again), {@code false} to send
	 * it on the next retry of the incident.
	 */
	@org.springframework.web.bind.annotation.PostMapping("/{reference}/notifications/{id}/resolution")
	List<NotificationView> resolve(@PathVariable String reference, @PathVariable Long id,
			@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Boolean> answer) {
		consult(reference, "Resolve a notification's delivery");
		Authentication user = this.identity.getCurrentAuthentication();
		if ((user.getGroupIds() == null
				|| (!user.getGroupIds().contains(Groups.SUPERVISORS) && !user.getGroupIds().contains(Groups.MANAGERS)))
				&& !this.access.isBreakGlass(user.getUserId())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only a supervisor or manager resolves a notice.");
		}
		Boolean delivered = answer.get("delivered");
		if (delivered == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Say whether it was delivered: {\"delivered\": true}");
		}
		try {
			this.notifications.resolve(reference, id, delivered, user.getUserId());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
		}
		return this.notifications.forCase(reference);
	}

	@GetMapping("/{reference}")
	CaseView view(@PathVariable String reference) {
		return CaseView.of(consult(reference, "GET /api/cases/" + reference));
	}

	@GetMapping(path = "/{reference}/nrm-referral-summary", produces = MediaType.TEXT_PLAIN_VALUE)
	String nrmReferralSummary(@PathVariable String reference) {
		return NrmReferralSummary.text(consult(reference, "NRM referral summary (for the Modern Slavery Portal)"),
				this::areaName);
	}

	@GetMapping(path = "/{reference}/duty-to-notify-summary", produces = MediaType.TEXT_PLAIN_VALUE)
	String dutyToNotifySummary(@PathVariable String reference) {
		return DutyToNotifyReport
			.fullSummary(consult(reference, "Duty to Notify summary (for the Modern Slavery Portal)"), this::areaName);
	}

	// the area's name as the directory holds it now
	private Optional<String> areaName(String code) {
		return this.directory.find(code).map(SafeguardingArea::areaName);
	}

	private VictimCase consult(String reference, String purpose) {
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to read a case record.");
		}
		VictimCase record = this.cases.find(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + reference + "."));
		if (!this.access.maySee(user.getUserId(), record.getProcessInstanceId())) {
			// the same answer as an unknown case: a stranger learns nothing about who is
			// a victim
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + reference + ".");
		}
		return this.cases.consult(reference, user.getUserId(), purpose).orElseThrow();
	}

	record ChronologyLine(Instant at, String actor, String step, String summary) {
	}

	record ConsentLine(Instant recordedAt, String outcome, String explainedBy, boolean professionalInterpreter) {
	}

	record CaseView(String reference, String status, String pathway, String riskLevel, String areaCode,
			String reportingOfficer, String investigator, String liaisonOfficer, String supervisor,
			String crimeReference, String nrmReference, String dutyToNotifyReference, String reasonableGroundsDecision,
			LocalDate reasonableGroundsDecisionDate, String conclusiveGroundsDecision,
			LocalDate conclusiveGroundsDecisionDate, boolean conclusiveDecisionFlagged, Instant openedAt,
			Instant closedAt, LocalDate retentionReviewDate, List<ConsentLine> consentLedger,
			List<ChronologyLine> chronology) {

		static CaseView of(VictimCase c) {
			return new CaseView(c.getReference(), name(c.getStatus()), name(c.getPathway()), name(c.getRiskLevel()),
					c.getAreaCode(), c.getReportingOfficer(), c.getInvestigator(), c.getLiaisonOfficer(),
					c.getSupervisor(), c.getCrimeReference(), c.getNrmReference(), c.getDutyToNotifyReference(),
					name(c.getReasonableGroundsDecision()), c.getReasonableGroundsDecisionDate(),
					name(c.getConclusiveGroundsDecision()), c.getConclusiveGroundsDecisionDate(),
					c.isConclusiveDecisionFlagged(), c.getOpenedAt(), c.getClosedAt(), c.getRetentionReviewDate(),
					c.getConsentLedger()
						.stream()
						.map((e) -> new ConsentLine(e.getRecordedAt(), name(e.getOutcome()), e.getExplainedBy(),
								e.isProfessionalInterpreter()))
						.toList(),
					c.getChronology()
						.stream()
						.map((e) -> new ChronologyLine(e.getAt(), e.getActor(), e.getStep(), e.getSummary()))
						.toList());
		}

		/**
		 * The JSON keeps the stored codes as strings, as before the states were enums.
		 */
		private static String name(Enum<?> code) {
			return (code != null) ? code.name() : null;
		}

	}

}
