package uk.safeguarding.workflow.oversight;

import org.springframework.data.jpa.repository.JpaRepository;

interface StepOutcomeRepository extends JpaRepository<StepOutcome, Long> {

}
