package uk.safeguarding.workflow.safeguarding.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import uk.safeguarding.workflow.safeguarding.DirectoryAdministration;
import uk.safeguarding.workflow.safeguarding.DirectoryAdministration.ImportResult;
import uk.safeguarding.workflow.safeguarding.DirectoryChange;
import uk.safeguarding.workflow.safeguarding.DirectoryFormatException;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.UnknownAreaException;

/**
 * The directory over REST, for administrators ({@code user-administrators}, or the
 * break-glass {@code camunda-admin}) only: list, add, change, import a CSV file, and the
 * audit of changes. The page {@code /directory.html} uses it.
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

	static final String ADMINISTRATORS = "camunda-admin";

	static final String USER_ADMINISTRATORS = "user-administrators";

	private final DirectoryAdministration directory;

	private final IdentityService identity;

	DirectoryController(DirectoryAdministration directory, IdentityService identity) {
		this.directory = directory;
		this.identity = identity;
	}

	@GetMapping
	List<SafeguardingArea> list() {
		administrator();
		return this.directory.list();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<SafeguardingArea> add(@RequestBody SafeguardingArea area) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.directory.add(area, administrator()));
	}

	@PutMapping(path = "/{areaCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
	SafeguardingArea change(@PathVariable String areaCode, @RequestBody SafeguardingArea area) {
		return this.directory.change(areaCode, area, administrator());
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	ImportResult importCsv(@RequestBody String csv) {
		return this.directory.importCsv(csv, administrator());
	}

	@GetMapping("/changes")
	List<DirectoryChange> changes() {
		administrator();
		return this.directory.recentChanges();
	}

	@ExceptionHandler(DirectoryFormatException.class)
	ResponseEntity<Map<String, Object>> refused(DirectoryFormatException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("message", ex.getMessage(), "problems",
					ex.getProblems()
						.stream()
						.map((problem) -> Map.of("line", problem.lineNumber(), "reason", problem.reason()))
						.toList()));
	}

	@ExceptionHandler(UnknownAreaException.class)
	ResponseEntity<Map<String, Object>> unknown(UnknownAreaException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", ex.getMessage()));
	}

	private String administrator() {
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Log in to administer the directory.");
		}
		if (user.getGroupIds() == null || (!user.getGroupIds().contains(ADMINISTRATORS)
				&& !user.getGroupIds().contains(USER_ADMINISTRATORS))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators (" + USER_ADMINISTRATORS
					+ " or " + ADMINISTRATORS + ") can administer the directory.");
		}
		return user.getUserId();
	}

}
