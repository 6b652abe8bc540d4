package uk.safeguarding.workflow.oversight.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.safeguarding.workflow.oversight.Chart;
import uk.safeguarding.workflow.oversight.Dashboard;
import uk.safeguarding.workflow.oversight.OversightFilters;
import uk.safeguarding.workflow.oversight.OversightFilters.InvalidFilterException;
import uk.safeguarding.workflow.oversight.OversightService;
import uk.safeguarding.workflow.web.CurrentUser;

/**
 * The oversight dashboard ({@code GET /oversight}) and its CSV export of the overdue
 * steps ({@code GET /oversight/overdue.csv}), for supervisors and managers; anyone else
 * is refused (403). Both read the overdue steps with the same filters and order: the page
 * lists the most overdue {@link Dashboard#ROWS}, the CSV all of them.
 */
@Controller
class OversightController {

	private final OversightService oversight;

	OversightController(OversightService oversight) {
		this.oversight = oversight;
	}

	@GetMapping("/oversight")
	String dashboard(CurrentUser user, @RequestParam(required = false) String area,
			@RequestParam(required = false) String pathway, @RequestParam(required = false) String step,
			@RequestParam(required = false) String supervisor, @RequestParam(required = false) String period,
			HttpServletResponse response, Model model) {
		requireOverseer(user);
		OversightFilters filters;
		try {
			filters = OversightFilters.parse(area, pathway, step, supervisor, period);
		}
		catch (InvalidFilterException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterName", invalid.getFilter());
			model.addAttribute("filterError", invalid.getMessage());
			return "oversight/invalid-filter";
		}
		Dashboard dashboard = this.oversight.dashboard(user, filters);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("filters", filters);
		addChoices(user, model);
		model.addAttribute("charts", List.of(
				Chart.of("open-by-step", "Open steps by step", dashboard.trends().openByStep()),
				Chart.of("late-by-period", "Steps completed late", dashboard.trends().lateByWeek()),
				Chart.of("referrals", "NRM referrals and Duty to Notify reports", dashboard.trends().referrals())));
		return "oversight/dashboard";
	}

	/**
	 * Every overdue step the page counts, with the page's filters and in its order (the
	 * page lists the first {@link Dashboard#ROWS}), written as the rows are read.
	 */
	@GetMapping("/oversight/overdue.csv")
	void overdueCsv(CurrentUser user, @RequestParam(required = false) String area,
			@RequestParam(required = false) String pathway, @RequestParam(required = false) String step,
			@RequestParam(required = false) String supervisor, @RequestParam(required = false) String period,
			HttpServletResponse response) throws IOException {
		requireOverseer(user);
		OversightFilters filters;
		try {
			filters = OversightFilters.parse(area, pathway, step, supervisor, period);
		}
		catch (InvalidFilterException invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream()
				.write((invalid.getFilter() + ": " + invalid.getMessage()).getBytes(StandardCharsets.UTF_8));
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"overdue-steps.csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer csv = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		csv.write(OverdueCsv.HEADER + "\r\n");
		this.oversight.forEachOverdue(user, filters, (row) -> {
			try {
				csv.write(OverdueCsv.row(row));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

	private void addChoices(CurrentUser user, Model model) {
		model.addAttribute("areas", this.oversight.areas());
		model.addAttribute("steps", this.oversight.steps());
		model.addAttribute("supervisors", this.oversight.supervisors(user));
		model.addAttribute("periods", List.of(7, 30, 90));
	}

	static void requireOverseer(CurrentUser user) {
		if (!user.mayOversee()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
