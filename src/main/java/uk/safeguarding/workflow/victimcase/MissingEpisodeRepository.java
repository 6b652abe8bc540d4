package uk.safeguarding.workflow.victimcase;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MissingEpisodeRepository extends JpaRepository<MissingEpisode, Long> {

	List<MissingEpisode> findByVictimCaseOrderByNumberAsc(VictimCase victimCase);

}
