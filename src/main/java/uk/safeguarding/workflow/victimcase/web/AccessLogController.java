package uk.safeguarding.workflow.victimcase.web;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Groups;
import uk.safeguarding.workflow.victimcase.AccessLogEntry;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * The access log of a case (Data Protection Act 2018 s62), for managers: as JSON, or as
 * CSV to answer a subject access request. Reading it is itself logged.
 */
@RestController
@RequestMapping("/api/access-log")
class AccessLogController {

	private final VictimCaseService cases;

	private final IdentityService identity;

	AccessLogController(VictimCaseService cases, IdentityService identity) {
		this.cases = cases;
		this.identity = identity;
	}

	record Line(Instant at, String userId, String operation, String purpose) {
	}

	@GetMapping("/{reference}")
	List<Line> read(@PathVariable String reference) {
		return entries(reference).stream()
			.map((e) -> new Line(e.getAt(), e.getUserId(), e.getOperation(), e.getPurpose()))
			.toList();
	}

	@GetMapping(path = "/{reference}/export", produces = "text/csv")
	ResponseEntity<String> export(@PathVariable String reference) {
		StringBuilder csv = new StringBuilder("at,user,operation,purpose\n");
		for (AccessLogEntry e : entries(reference)) {
			csv.append(e.getAt())
				.append(',')
				.append(quote(e.getUserId()))
				.append(',')
				.append(e.getOperation())
				.append(',')
				.append(quote(e.getPurpose()))
				.append('\n');
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-log-" + reference + ".csv\"")
			.body(csv.toString());
	}

	private List<AccessLogEntry> entries(String reference) {
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to read an access log.");
		}
		if (user.getGroupIds() == null || !user.getGroupIds().contains(Groups.MANAGERS)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only managers may read a case's access log.");
		}
		List<AccessLogEntry> entries = this.cases.accessLog(reference);
		if (entries.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + reference + ".");
		}
		this.cases.recordConsultation(reference, user.getUserId(), "GET /api/access-log/" + reference);
		return entries;
	}

	private static String quote(String value) {
		return (value == null) ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}

}
