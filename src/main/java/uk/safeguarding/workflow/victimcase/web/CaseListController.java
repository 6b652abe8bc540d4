package uk.safeguarding.workflow.victimcase.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.web.CurrentUser;

/**
 * Case lists: "My cases" for everyone, the open cases of the team for supervisors and
 * managers (only those they may see), and search by case reference. Lists show no
 * personal details.
 */
@Controller
@org.springframework.transaction.annotation.Transactional(readOnly = true)
class CaseListController {

	static final Pattern REFERENCE = Pattern.compile("MSHT-\\d{4}-\\d{6}");

	private final VictimCaseService cases;

	private final CaseAccess access;

	private final CasePageView view;

	CaseListController(VictimCaseService cases, CaseAccess access, CasePageView view) {
		this.cases = cases;
		this.access = access;
		this.view = view;
	}

	record Item(String reference, String pathway, String area, String status, String opened, String role) {
	}

	@GetMapping("/cases")
	String list(@RequestParam(required = false) String reference, CurrentUser user, Model model) {
		String searched = (reference != null) ? reference.strip().toUpperCase(Locale.ROOT) : null;
		String problem = null;
		if (searched != null) {
			if (!REFERENCE.matcher(searched).matches()) {
				problem = "Enter a case reference like MSHT-2026-000123.";
			}
			else {
				boolean visible = this.cases.find(searched)
					.filter((found) -> this.access.maySee(user.id(), found.getProcessInstanceId()))
					.isPresent();
				if (visible) {
					return "redirect:/cases/" + searched;
				}
				// the same answer for a case that does not exist and one the person may
				// not see
				problem = "No case " + searched + " that you can see.";
			}
		}
		model.addAttribute("searched", searched);
		model.addAttribute("problem", problem);
		model.addAttribute("mine", this.cases.casesOf(user.id()).stream().map((c) -> item(c, user.id())).toList());
		List<Item> team = user.mayOversee() ? visible(this.cases.openCases(), user.id()) : List.of();
		model.addAttribute("team", team);
		model.addAttribute("oversees", user.mayOversee());
		return "cases/list";
	}

	/**
	 * The cases of the list the person may see, asked for the whole list at once (one
	 * {@code maySee} per case ran over 300 statements for a supervisor's 200).
	 */
	private List<Item> visible(List<VictimCase> open, String userId) {
		Set<String> visible = this.access.visibleOf(userId,
				open.stream()
					.map((c) -> new CaseAccess.ListedCase(c.getProcessInstanceId(), c.getReference(), people(c)))
					.toList());
		return open.stream()
			.filter((c) -> visible.contains(c.getProcessInstanceId()))
			.map((c) -> item(c, userId))
			.toList();
	}

	private static Set<String> people(VictimCase c) {
		Set<String> people = new HashSet<>();
		for (String person : new String[] { c.getReportingOfficer(), c.getInvestigator(), c.getLiaisonOfficer(),
				c.getSupervisor() }) {
			if (person != null && !person.isBlank()) {
				people.add(person);
			}
		}
		return people;
	}

	private Item item(VictimCase c, String userId) {
		String role = userId.equals(c.getReportingOfficer()) ? "Reporting officer"
				: userId.equals(c.getSupervisor()) ? "Supervisor" : userId.equals(c.getInvestigator()) ? "Investigator"
						: userId.equals(c.getLiaisonOfficer()) ? "Victim liaison" : "";
		return new Item(c.getReference(), Words.pathway(c.getPathway()), this.view.areaName(c.getAreaCode()),
				Words.status(c.getStatus()), CasePageView.when(c.getOpenedAt()), role);
	}

}
