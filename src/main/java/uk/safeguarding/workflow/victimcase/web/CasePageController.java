package uk.safeguarding.workflow.victimcase.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.web.CurrentUser;

/**
 * One page per case ({@code GET /cases/{reference}}, spec section 8): for the people
 * connected to the case, managers and break-glass; anyone else gets the same 404 as for a
 * case that does not exist. Every view is logged (Data Protection Act 2018 s62). Its
 * actions post, then redirect back to the page; a refusal shows the page again with the
 * GOV.UK error summary.
 */
@Controller
class CasePageController {

	private final VictimCaseService cases;

	private final CaseAccess access;

	private final CasePageView view;

	private final CaseActions actions;

	private final NotificationOutbox notifications;

	private final TransactionTemplate transaction;

	CasePageController(VictimCaseService cases, CaseAccess access, CasePageView view, CaseActions actions,
			NotificationOutbox notifications, PlatformTransactionManager transactions) {
		// a page is read in one transaction (the case record's collections load lazily);
		// an action runs in its own, so that a refused action rolls back on its own and
		// the page showing the refusal can still be read and logged
		this.transaction = new TransactionTemplate(transactions);
		this.cases = cases;
		this.access = access;
		this.view = view;
		this.actions = actions;
		this.notifications = notifications;
	}

	record Problem(String field, String message) {
	}

	@GetMapping("/cases/{reference}")
	String page(@PathVariable String reference, CurrentUser user, Model model) {
		return render(reference, user, model, List.of(), "Case page");
	}

	@GetMapping("/cases/{reference}/print/{summary}")
	String print(@PathVariable String reference, @PathVariable String summary, CurrentUser user, Model model) {
		return this.transaction.execute((status) -> printInTransaction(reference, summary, user, model));
	}

	private String printInTransaction(String reference, String summary, CurrentUser user, Model model) {
		if (!"nrm".equals(summary) && !"duty-to-notify".equals(summary)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		VictimCase record = allowed(reference, user);
		if (!personalDetails(record, user)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String purpose = "nrm".equals(summary) ? "NRM referral summary (printable)"
				: "Duty to Notify summary (printable)";
		VictimCase consulted = this.cases.consult(reference, user.id(), purpose).orElseThrow();
		CasePageView.Page page = this.view.of(consulted, true, false);
		String text = "nrm".equals(summary) ? page.nrmSummary() : page.dutyToNotifySummary();
		if (text == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("reference", reference);
		model.addAttribute("title", "nrm".equals(summary) ? "NRM referral summary" : "Duty to Notify summary");
		model.addAttribute("text", text);
		return "cases/print";
	}

	@PostMapping("/cases/{reference}/missing")
	String missing(@PathVariable String reference, CurrentUser user, Model model, HttpServletResponse response) {
		return act(reference, user, model, response, () -> this.actions.reportMissing(reference, user.id()), "missing");
	}

	@PostMapping("/cases/{reference}/found")
	String found(@PathVariable String reference, CurrentUser user, Model model, HttpServletResponse response) {
		return act(reference, user, model, response, () -> this.actions.found(reference, user.id()), "found");
	}

	@PostMapping("/cases/{reference}/age-assessment")
	String ageAssessed(@PathVariable String reference, @RequestParam(required = false) String assessedAge,
			CurrentUser user, Model model, HttpServletResponse response) {
		return act(reference, user, model, response, () -> this.actions.ageAssessed(reference, user.id(), assessedAge),
				"age-assessed");
	}

	@PostMapping("/cases/{reference}/consent-withdrawn")
	String consentWithdrawn(@PathVariable String reference, @RequestParam(required = false) String confirmWithdrawal,
			CurrentUser user, Model model, HttpServletResponse response) {
		return act(reference, user, model, response,
				() -> this.actions.consentWithdrawn(reference, user.id(), "yes".equals(confirmWithdrawal)),
				"consent-withdrawn");
	}

	@PostMapping("/cases/{reference}/operation")
	String operation(@PathVariable String reference, @RequestParam(required = false) String operationReference,
			CurrentUser user, Model model, HttpServletResponse response) {
		return act(reference, user, model, response,
				() -> this.actions.linkOperation(reference, user.id(), operationReference), "operation-linked");
	}

	@PostMapping("/cases/{reference}/notifications/{id}/resolution")
	String resolve(@PathVariable String reference, @PathVariable Long id,
			@RequestParam(required = false) String delivered, CurrentUser user, Model model,
			HttpServletResponse response) {
		return act(reference, user, model, response, () -> {
			if (!user.mayOversee()) {
				throw new CaseActions.Refused("delivered", "Only a supervisor or a manager confirms a notice.");
			}
			if (!"yes".equals(delivered) && !"no".equals(delivered)) {
				throw new CaseActions.Refused("delivered", "Say whether the recipient has the notice.");
			}
			try {
				this.notifications.resolve(reference, id, "yes".equals(delivered), user.id());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				throw new CaseActions.Refused("delivered", ex.getMessage());
			}
		}, "notice-resolved");
	}

	private String act(String reference, CurrentUser user, Model model, HttpServletResponse response, Runnable action,
			String done) {
		allowed(reference, user);
		try {
			action.run();
		}
		catch (CaseActions.Refused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return render(reference, user, model, List.of(new Problem(refused.field(), refused.getMessage())),
					"Case page (action refused)");
		}
		return "redirect:/cases/" + reference + "?done=" + done;
	}

	private String render(String reference, CurrentUser user, Model model, List<Problem> problems, String purpose) {
		return this.transaction.execute((status) -> renderInTransaction(reference, user, model, problems, purpose));
	}

	private String renderInTransaction(String reference, CurrentUser user, Model model, List<Problem> problems,
			String purpose) {
		VictimCase record = allowed(reference, user);
		boolean personal = personalDetails(record, user);
		VictimCase consulted = this.cases.consult(reference, user.id(), purpose).orElseThrow();
		model.addAttribute("page", this.view.of(consulted, personal, this.access.isManager(user.id())));
		model.addAttribute("problems", new ArrayList<>(problems));
		model.addAttribute("personalDetails", personal);
		model.addAttribute("mayResolve", user.mayOversee());
		return "cases/case";
	}

	/**
	 * The case, for someone who may see it; the same 404 for a stranger as for no case.
	 */
	private VictimCase allowed(String reference, CurrentUser user) {
		VictimCase record = this.cases.find(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!this.access.maySee(user.id(), record.getProcessInstanceId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return record;
	}

	/**
	 * Names, dates of birth and the referral summaries: for the people working the case
	 * and break-glass, not for a manager watching it or a supervisor who has not taken it
	 * on.
	 */
	private boolean personalDetails(VictimCase record, CurrentUser user) {
		String id = user.id();
		return this.access.isBreakGlass(id) || id.equals(record.getReportingOfficer())
				|| id.equals(record.getSupervisor()) || id.equals(record.getInvestigator())
				|| id.equals(record.getLiaisonOfficer());
	}

}
