package uk.safeguarding.workflow.oversight.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import uk.safeguarding.workflow.web.CurrentUser;

/** The oversight dashboard, for supervisors and managers. */
@Controller
class OversightController {

	@GetMapping("/oversight")
	String dashboard(CurrentUser user) {
		requireOverseer(user);
		return "oversight/dashboard";
	}

	static void requireOverseer(CurrentUser user) {
		if (!user.mayOversee()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

}
