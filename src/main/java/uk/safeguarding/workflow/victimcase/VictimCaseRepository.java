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

	/**
	 * The newest 200 cases a person is named on. Written as the newest 200 of each role
	 * (index on the role's column and the opening time, changeset 750), then the newest
	 * 200 of those: the derived query's {@code OR} over four columns read every case
	 * there is (a sequential scan, 200-270 ms at 320,000 cases, docs/performance.md).
	 */
	@Query(value = "SELECT * FROM victim_case WHERE id IN ("
			+ "SELECT id FROM (SELECT id FROM victim_case WHERE reporting_officer = :user "
			+ "ORDER BY opened_at DESC FETCH FIRST 200 ROWS ONLY) r "
			+ "UNION SELECT id FROM (SELECT id FROM victim_case WHERE investigator = :user "
			+ "ORDER BY opened_at DESC FETCH FIRST 200 ROWS ONLY) i "
			+ "UNION SELECT id FROM (SELECT id FROM victim_case WHERE liaison_officer = :user "
			+ "ORDER BY opened_at DESC FETCH FIRST 200 ROWS ONLY) l "
			+ "UNION SELECT id FROM (SELECT id FROM victim_case WHERE supervisor = :user "
			+ "ORDER BY opened_at DESC FETCH FIRST 200 ROWS ONLY) s) "
			+ "ORDER BY opened_at DESC, id DESC FETCH FIRST 200 ROWS ONLY", nativeQuery = true)
	List<VictimCase> findNewest200NamingPerson(@Param("user") String userId);

	List<VictimCase> findTop200ByClosedAtIsNullOrderByOpenedAtDesc();

	Optional<VictimCase> findByProcessInstanceId(String processInstanceId);

}
