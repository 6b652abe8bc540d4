package uk.safeguarding.workflow.safeguarding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.victimcase.VictimCaseService;

/**
 * Turns a stored notification into the words a recipient reads, at the moment of
 * delivery, from the templates. The body carries the case reference, notice type, area,
 * urgency and the contact officer; identifying details go only into the referral summary
 * attached for a secure recipient; the place-of-safety address never.
 */
@Component
class NoticeComposer {

	private final NoticeTemplates templates;

	private final VictimCaseService cases;

	private final SafeguardingDirectory directory;

	private final IdentityService identity;

	/**
	 * An escalation's occasion names its task: overdue-{task}-level-{n},
	 * chase-{task}-{n}.
	 */
	private static final Pattern ESCALATED_TASK = Pattern.compile("^(?:overdue|chase)-(.+)-(?:level-\\d+|\\d+)$");

	private final String baseUrl;

	NoticeComposer(NoticeTemplates templates, VictimCaseService cases, SafeguardingDirectory directory,
			IdentityService identity, @Value("${safeguarding.web.base-url:http://localhost:8080}") String baseUrl) {
		this.templates = templates;
		this.cases = cases;
		this.directory = directory;
		this.identity = identity;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	RenderedNotice render(Notification notification) {
		VictimCase record = this.cases.find(notification.getCaseReference())
			.orElseThrow(() -> new IllegalStateException("No case record " + notification.getCaseReference()));
		Map<String, String> values = new LinkedHashMap<>();
		values.put("caseReference", record.getReference());
		values.put("notice", notification.getNotice().name());
		values.put("title", notification.getNotice().title(notification.isIdentifying()));
		values.put("occasion", notification.getOccasion());
		values.put("audience", nullToEmpty(notification.getAudience()));
		values.put("stepName", nullToEmpty(notification.getStepName()));
		String areaCode = (notification.getAreaCode() != null) ? notification.getAreaCode() : record.getAreaCode();
		values.put("areaCode", areaCode);
		values.put("areaName", this.directory.find(areaCode).map(SafeguardingArea::areaName).orElse(areaCode));
		boolean urgent = record.isImmediateRisk() || notification.getNotice() == Notice.VICTIM_MISSING
				|| notification.getNotice() == Notice.IMMEDIATE_RISK;
		values.put("urgency", urgent ? "URGENT" : "Routine");
		values.put("urgencyNote", record.isImmediateRisk() ? " - immediate risk reported" : "");
		values.put("pathway", record.isChild() ? "child (or presumed child)" : "adult");
		values.put("pathwayShort", record.isChild() ? "child" : "adult");
		values.put("exploitationTypes", nullToEmpty(record.getExploitationTypes()));
		values.put("contactOfficer", contact(record.getReportingOfficer()));
		values.put("identifyingNote",
				notification.isIdentifying()
						? "A referral summary with the person's identifying details is attached (secure channel)."
						: "This notice identifies no one: no identifying data is sent to this address. "
								+ "Details are shared through a secure channel or the police contact officer.");
		// links (no personal data): the case page, and for an escalation its step in
		// Tasklist
		values.put("caseUrl", this.baseUrl + "/cases/" + record.getReference());
		Matcher task = ESCALATED_TASK.matcher(nullToEmpty(notification.getOccasion()));
		values.put("taskUrl", this.baseUrl + "/camunda/app/tasklist/default/#/"
				+ ((notification.getNotice() == Notice.ESCALATION && task.matches()) ? "?task=" + task.group(1) : ""));
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String key : new String[] { "caseReference", "notice", "occasion", "audience", "areaCode", "areaName",
				"urgency", "pathwayShort", "exploitationTypes", "contactOfficer", "stepName" }) {
			fields.put(key.equals("pathwayShort") ? "pathway" : key, values.get(key));
		}
		fields.put("idempotencyKey", notification.getIdempotencyKey());
		NoticeTemplates.Filled filled = this.templates.fill(notification.getNotice().templateName(), values);
		String attachmentName = null;
		String attachment = null;
		if (notification.isIdentifying()) {
			Map<String, String> secure = new LinkedHashMap<>(values);
			secure.put("victimName", nullToEmpty(record.getVictimName()));
			secure.put("dateOfBirth",
					(record.getDateOfBirth() != null) ? record.getDateOfBirth().toString() : "not known");
			secure.put("estimatedAge",
					(record.getEstimatedAge() != null) ? record.getEstimatedAge().toString() : "not recorded");
			secure.put("gender", orNotRecorded(record.getGender()));
			secure.put("nationality", orNotRecorded(record.getNationality()));
			secure.put("interpreterLanguage", orNotRecorded(record.getInterpreterLanguage()));
			secure.put("careAndSupportNeeds", record.isCareAndSupportNeeds() ? "yes" : "no");
			attachment = this.templates.fill("referral-summary", secure).body();
			attachmentName = "referral-summary-" + record.getReference() + ".txt";
		}
		String subject = (filled.subject() != null) ? filled.subject()
				: values.get("title") + " " + record.getReference();
		return new RenderedNotice(subject, filled.body(), attachmentName, attachment, fields);
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

	private static String orNotRecorded(String value) {
		return (value == null || value.isBlank()) ? "not recorded" : value;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
