package uk.safeguarding.workflow.victimcase;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.safeguarding.workflow.identity.CaseRecordPeople;

/** The people a case record names, for the one "connected" rule of {@code CaseAccess}. */
@Component
class RecordedCasePeople implements CaseRecordPeople {

	private final VictimCaseRepository cases;

	RecordedCasePeople(VictimCaseRepository cases) {
		this.cases = cases;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> peopleOf(String processInstanceId) {
		Set<String> people = new LinkedHashSet<>();
		this.cases.findByProcessInstanceId(processInstanceId)
			.ifPresent((record) -> Stream
				.of(record.getReportingOfficer(), record.getInvestigator(), record.getLiaisonOfficer(),
						record.getSupervisor())
				.filter((person) -> person != null && !person.isBlank())
				.forEach(people::add));
		return people;
	}

}
