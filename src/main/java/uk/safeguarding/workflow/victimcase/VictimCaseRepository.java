package uk.safeguarding.workflow.victimcase;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VictimCaseRepository extends JpaRepository<VictimCase, Long> {

	// written out rather than derived: Hibernate keeps the translation of a query string,
	// a derived (criteria) query is translated anew on every call
	@Query("select c from VictimCase c where c.reference = :reference")
	Optional<VictimCase> findByReference(@Param("reference") String reference);

	/** The case's id alone: the record itself is not loaded. */
	@Query("select c.id from VictimCase c where c.reference = :reference")
	Optional<Long> findIdByReference(@Param("reference") String reference);

	List<VictimCase> findTop200ByReportingOfficerOrInvestigatorOrLiaisonOfficerOrSupervisorOrderByOpenedAtDesc(
			String reportingOfficer, String investigator, String liaisonOfficer, String supervisor);

	List<VictimCase> findTop200ByClosedAtIsNullOrderByOpenedAtDesc();

	Optional<VictimCase> findByProcessInstanceId(String processInstanceId);

}
