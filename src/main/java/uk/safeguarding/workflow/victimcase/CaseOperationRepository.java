package uk.safeguarding.workflow.victimcase;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseOperationRepository extends JpaRepository<CaseOperation, Long> {

	Optional<CaseOperation> findByVictimCase(VictimCase victimCase);

	List<CaseOperation> findByOperationReferenceOrderByLinkedAtAsc(String operationReference);

}
