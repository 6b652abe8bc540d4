package uk.safeguarding.workflow.victimcase;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface VictimCaseRepository extends JpaRepository<VictimCase, Long> {

	Optional<VictimCase> findByReference(String reference);

	Optional<VictimCase> findByProcessInstanceId(String processInstanceId);

}
