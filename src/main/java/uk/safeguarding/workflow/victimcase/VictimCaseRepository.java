package uk.safeguarding.workflow.victimcase;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface VictimCaseRepository extends JpaRepository<VictimCase, Long> {

	Optional<VictimCase> findByReference(String reference);

	List<VictimCase> findTop200ByReportingOfficerOrInvestigatorOrLiaisonOfficerOrSupervisorOrderByOpenedAtDesc(
			String reportingOfficer, String investigator, String liaisonOfficer, String supervisor);

	List<VictimCase> findTop200ByClosedAtIsNullOrderByOpenedAtDesc();

	Optional<VictimCase> findByProcessInstanceId(String processInstanceId);

}
