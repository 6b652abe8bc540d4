package uk.safeguarding.workflow.victimcase;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CaseReferenceCounterRepository extends JpaRepository<CaseReferenceCounter, Integer> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from CaseReferenceCounter c where c.year = :year")
	Optional<CaseReferenceCounter> lockYear(int year);

}
