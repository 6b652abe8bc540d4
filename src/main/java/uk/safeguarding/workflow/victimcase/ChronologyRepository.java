package uk.safeguarding.workflow.victimcase;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChronologyRepository extends JpaRepository<ChronologyEntry, Long> {

}
