package uk.safeguarding.workflow.victimcase.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.nrm.Countries;
import uk.safeguarding.workflow.process.JourneyPolicy;
import uk.safeguarding.workflow.process.SafeguardingRuleViolation;
import uk.safeguarding.workflow.process.VictimSafeguardingProcess.Variables;
import uk.safeguarding.workflow.safeguarding.SafeguardingArea;
import uk.safeguarding.workflow.safeguarding.SafeguardingDirectory;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.victimcase.VictimCase;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * {@code ServiceTask_OpenVictimCase}: runs in the start transaction. Checks the report,
 * creates the case record and its reference (the business key), moves identifying details
 * out of the engine and sets the flags the journey needs. A refused report leaves nothing
 * behind.
 */
@Component("openVictimCaseDelegate")
public class OpenVictimCaseDelegate implements JavaDelegate {

	private final VictimCaseService cases;

	private final SafeguardingDirectory directory;

	private final JourneyPolicy policy;

	private final CaseAccess access;

	public OpenVictimCaseDelegate(VictimCaseService cases, SafeguardingDirectory directory, JourneyPolicy policy,
			CaseAccess access) {
		this.access = access;
		this.cases = cases;
		this.directory = directory;
		this.policy = policy;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = JourneyTime.now();
		String officer = (String) execution.getVariable(Variables.REPORTING_OFFICER);
		StartReport report = StartReport.read(execution, officer, execution.getProcessInstanceId(), now);
		SafeguardingArea area = this.directory.find(report.newCase().areaCode())
			.orElseThrow(() -> new SafeguardingRuleViolation(Variables.AREA_CODE, "Area code '"
					+ report.newCase().areaCode()
					+ "' is not in the safeguarding directory. Check the ONS code (England E…, Wales W…) or ask an administrator to add the area."));
		String place = report.newCase().exploitationPlace();
		if (place != null && !Countries.isCountry(place) && this.directory.find(place).isEmpty()) {
			throw new SafeguardingRuleViolation("exploitationPlace", "Area code '" + place
					+ "' (exploitationPlace) is not in the safeguarding directory: give a local authority area the directory knows, or a country's ISO 3166 code.");
		}
		VictimCase record = this.cases.open(report.newCase(), area.areaName(), now);
		JourneyStart.initialise(execution, record.getReference(), report, area.ictgService(), area.secureEmail(),
				this.policy, now);
		Object existingNrmReference = execution.getVariable(Variables.NRM_REFERENCE);
		if (Boolean.TRUE.equals(execution.getVariable(Variables.REFERRED_BY_ANOTHER_AGENCY))) {
			this.cases.recordExistingNrmReferral(record.getReference(), (String) existingNrmReference, officer, now);
		}
		this.access.connect(officer, execution.getProcessInstanceId());
	}

}
