package uk.safeguarding.workflow.victimcase.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.nrm.PortalSummaries;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.safeguarding.NotificationView;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.SafeguardingDirectory;
import uk.safeguarding.workflow.victimcase.AccessLogEntry;
import uk.safeguarding.workflow.victimcase.ConsentOutcome;
import uk.safeguarding.workflow.victimcase.GroundsDecision;
import uk.safeguarding.workflow.victimcase.MissingEpisode;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * What the case page shows, read from the case record (the one record of the case) and
 * the engine's open steps. Personal details and the referral summaries are included only
 * for someone allowed to see them.
 */
@Component
class CasePageView {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

	private final VictimCaseService cases;

	private final TaskService tasks;

	private final NotificationOutbox notifications;

	private final SafeguardingDirectory directory;

	CasePageView(VictimCaseService cases, TaskService tasks, NotificationOutbox notifications,
			SafeguardingDirectory directory) {
		this.cases = cases;
		this.tasks = tasks;
		this.notifications = notifications;
		this.directory = directory;
	}

	record Row(String key, String value) {
	}

	record Step(String name, String due, boolean overdue, String assignee, String link) {
	}

	record Line(String at, String actor, String summary) {
	}

	record Consent(String at, String outcome, String explainedBy, boolean professionalInterpreter) {
	}

	record Notice(Long id, String notice, String recipient, String occasion, String status, int attempts, String sent,
			boolean unknown) {
	}

	record Episode(int number, String reported, String reportedBy, String found, boolean open) {
	}

	record Linked(String reference, String pathway, String status) {
	}

	record Access(String at, String user, String operation, String purpose) {
	}

	record Page(String reference, String status, boolean open, List<Row> summary, List<Row> personal, List<Row> clocks,
			List<Row> decisions, List<Step> steps, List<Line> chronology, List<Consent> consent,
			List<Notice> notifications, List<Episode> episodes, boolean missingNow, String operation,
			List<Linked> linked, List<Access> accessLog, String nrmSummary, String dutyToNotifySummary, boolean adult) {
	}

	Page of(VictimCase c, boolean personalDetails, boolean manager) {
		String reference = c.getReference();
		List<MissingEpisode> episodes = this.cases.missingEpisodes(reference);
		return new Page(reference, Words.status(c.getStatus()), c.getClosedAt() == null, summary(c),
				personalDetails ? personal(c) : List.of(), clocks(c), decisions(c), steps(c), chronology(c), consent(c),
				notices(reference), episodes.stream().map(CasePageView::episode).toList(),
				episodes.stream().anyMatch(MissingEpisode::isOpen), this.cases.operationOf(reference).orElse(null),
				this.cases.linkedCases(reference)
					.stream()
					.map((other) -> new Linked(other.getReference(), Words.pathway(other.getPathway()),
							Words.status(other.getStatus())))
					.toList(),
				manager ? accessLog(reference) : List.of(),
				personalDetails ? PortalSummaries.nrmReferral(c, this::knownAreaName) : null,
				dutyToNotifyWanted(c, personalDetails) ? PortalSummaries.dutyToNotify(c, this::knownAreaName) : null,
				!c.isChild());
	}

	/**
	 * The Duty to Notify summary is for an adult who has not consented (declined,
	 * undecided or withdrawn): beside a standing consent it would contradict the record.
	 */
	private boolean dutyToNotifyWanted(VictimCase c, boolean personalDetails) {
		return personalDetails && !c.isChild()
				&& this.cases.latestNrmConsent(c.getReference()).orElse(null) != ConsentOutcome.GIVEN;
	}

	private List<Row> summary(VictimCase c) {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Pathway", Words.pathway(c.getPathway())));
		rows.add(new Row("Area", areaName(c.getAreaCode())));
		rows.add(new Row("Risk", Words.plain(c.getRiskLevel())));
		rows.add(new Row("Immediate risk at report", c.isImmediateRisk() ? "Yes" : "No"));
		rows.add(new Row("Exploitation", Words.list(c.getExploitationTypes())));
		rows.add(new Row("Reporting officer", orNone(c.getReportingOfficer())));
		rows.add(new Row("Supervisor", orNone(c.getSupervisor())));
		rows.add(new Row("Investigator", orNone(c.getInvestigator())));
		rows.add(new Row("Victim liaison", orNone(c.getLiaisonOfficer())
				+ ((c.getLiaisonRole() != null) ? " (" + Words.plain(c.getLiaisonRole()) + ")" : "")));
		rows.add(new Row("Opened", when(c.getOpenedAt())));
		rows.add(new Row("Crime reference", orNone(c.getCrimeReference())));
		rows.add(new Row("NRM reference", orNone(c.getNrmReference())));
		rows.add(new Row("Duty to Notify reference", orNone(c.getDutyToNotifyReference())));
		return rows;
	}

	private List<Row> personal(VictimCase c) {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Name or alias", orNone(c.getVictimName())));
		rows.add(new Row("Date of birth",
				(c.getDateOfBirth() != null) ? DAY.format(c.getDateOfBirth()) : (c.getEstimatedAge() != null)
						? "Not known (estimated age " + c.getEstimatedAge() + ")" : "Not known"));
		rows.add(new Row("Gender", Words.plain(c.getGender())));
		// the country's name, not its ISO code (a case recorded before the code list
		// keeps
		// what was typed)
		rows.add(new Row("Nationality",
				uk.safeguarding.workflow.nrm.Countries.name(c.getNationality()).orElse(orNone(c.getNationality()))));
		rows.add(new Row("Interpreter",
				(c.getInterpreterLanguage() != null) ? c.getInterpreterLanguage() : "Not needed"));
		if (c.getVictimNavigatorName() != null) {
			rows.add(new Row("Victim navigator",
					c.getVictimNavigatorName() + ((c.getVictimNavigatorOrganisation() != null)
							? " (" + c.getVictimNavigatorOrganisation() + ")" : "")));
		}
		return rows;
	}

	/** The statutory and target dates that run on this case. */
	private List<Row> clocks(VictimCase c) {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Identified", when(c.getIdentifiedAt())));
		if (c.getCrimeReference() == null && c.getIdentifiedAt() != null) {
			rows.add(new Row("Crime to be recorded by (24 hours, national standard)",
					when(c.getOpenedAt().plusSeconds(24 * 3600))));
		}
		if (c.getNrmSubmittedAt() != null) {
			rows.add(new Row("NRM referral submitted", when(c.getNrmSubmittedAt())));
		}
		if (c.getReasonableGroundsDecisionDate() != null
				&& c.getReasonableGroundsDecision() == GroundsDecision.POSITIVE) {
			rows.add(new Row("Recovery period: conclusive decision not before (30 days, MSA s50A)",
					DAY.format(c.getReasonableGroundsDecisionDate().plusDays(30))));
		}
		LocalDate negative = (c.getConclusiveGroundsDecision() == GroundsDecision.NEGATIVE)
				? c.getConclusiveGroundsDecisionDate() : (c.getReasonableGroundsDecision() == GroundsDecision.NEGATIVE)
						? c.getReasonableGroundsDecisionDate() : null;
		if (negative != null) {
			rows.add(new Row("Reconsideration window closes (30 days)", DAY.format(negative.plusDays(30))));
		}
		if (c.getRetentionReviewDate() != null) {
			rows.add(new Row("Record retention review", DAY.format(c.getRetentionReviewDate())));
		}
		return rows;
	}

	private List<Row> decisions(VictimCase c) {
		List<Row> rows = new ArrayList<>();
		if (c.getReasonableGroundsDecision() != null) {
			rows.add(new Row("Reasonable grounds", Words.plain(c.getReasonableGroundsDecision()) + " on "
					+ DAY.format(c.getReasonableGroundsDecisionDate())));
		}
		if (c.getConclusiveGroundsDecision() != null) {
			rows.add(new Row("Conclusive grounds",
					Words.plain(c.getConclusiveGroundsDecision()) + " on "
							+ DAY.format(c.getConclusiveGroundsDecisionDate()) + (c.isConclusiveDecisionFlagged()
									? " (flagged: earlier than 30 days after reasonable grounds)" : "")));
		}
		return rows;
	}

	private List<Step> steps(VictimCase c) {
		if (c.getProcessInstanceId() == null || c.getClosedAt() != null) {
			return List.of();
		}
		Date now = Date.from(JourneyTime.now());
		List<Step> steps = new ArrayList<>();
		for (Task task : this.tasks.createTaskQuery()
			.processInstanceId(c.getProcessInstanceId())
			.orderByDueDate()
			.asc()
			.list()) {
			Date due = task.getDueDate();
			steps.add(new Step(task.getName(), (due != null) ? when(due.toInstant()) : "No due date",
					due != null && due.before(now), (task.getAssignee() != null) ? task.getAssignee() : "Not assigned",
					TASKLIST + task.getId()));
		}
		return steps;
	}

	private List<Line> chronology(VictimCase c) {
		return c.getChronology()
			.stream()
			.map((e) -> new Line(when(e.getAt()), orSystem(e.getActor()), e.getSummary()))
			.collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), (list) -> {
				java.util.Collections.reverse(list);
				return list;
			}));
	}

	private List<Consent> consent(VictimCase c) {
		return c.getConsentLedger()
			.stream()
			.map((e) -> new Consent(when(e.getRecordedAt()), Words.plain(e.getOutcome()), orNone(e.getExplainedBy()),
					e.isProfessionalInterpreter()))
			.toList();
	}

	private List<Notice> notices(String reference) {
		return this.notifications.forCase(reference)
			.stream()
			.map((NotificationView n) -> new Notice(n.id(), Words.plain(n.notice()), n.recipient(), n.occasion(),
					Words.plain(n.status()), n.attempts(), (n.sentAt() != null) ? when(n.sentAt()) : "",
					"UNKNOWN".equals(n.status())))
			.toList();
	}

	private static Episode episode(MissingEpisode e) {
		return new Episode(e.getNumber(), when(e.getReportedAt()), orSystem(e.getReportedBy()),
				(e.getFoundAt() != null) ? when(e.getFoundAt()) + " by " + orSystem(e.getFoundBy()) : "Still missing",
				e.isOpen());
	}

	private List<Access> accessLog(String reference) {
		return this.cases.accessLog(reference)
			.stream()
			.map((AccessLogEntry e) -> new Access(when(e.getAt()), orSystem(e.getUserId()),
					Words.plain(String.valueOf(e.getOperation())), e.getPurpose()))
			.collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), (list) -> {
				java.util.Collections.reverse(list);
				return list;
			}));
	}

	private java.util.Optional<String> knownAreaName(String code) {
		return this.directory.find(code).map(SafeguardingArea::areaName);
	}

	String areaName(String code) {
		return this.directory.find(code)
			.map(SafeguardingArea::areaName)
			.map((name) -> name + " (" + code + ")")
			.orElse(code);
	}

	static String when(Instant at) {
		return (at != null) ? WHEN.format(at.atZone(JourneyTime.ZONE)) : "Not known";
	}

	private static String orNone(String value) {
		return (value == null || value.isBlank()) ? "None yet" : value;
	}

	private static String orSystem(String value) {
		return (value == null || value.isBlank()) ? "System" : value;
	}

}
