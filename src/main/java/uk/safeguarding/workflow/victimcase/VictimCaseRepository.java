package uk.safeguarding.workflow.victimcase;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface VictimCaseRepository extends JpaRepository<VictimCase, Long> {

	Optional<VictimCase> findByReference(String reference);

	/** The record's row, locked until the transaction ends (SELECT ... FOR UPDATE). */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from VictimCase c where c.reference = ?1")
	Optional<VictimCase> lockByReference(String reference);

	List<VictimCase> findTop200ByReportingOfficerOrInvestigatorOrLiaisonOfficerOrSupervisorOrderByOpenedAtDesc(
			String reportingOfficer, String investigator, String liaisonOfficer, String supervisor);

	List<VictimCase> findTop200ByClosedAtIsNullOrderByOpenedAtDesc();

	Optional<VictimCase> findByProcessInstanceId(String processInstanceId);

}
