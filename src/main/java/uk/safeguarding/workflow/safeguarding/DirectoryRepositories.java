package uk.safeguarding.workflow.safeguarding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DirectoryEntryRepository extends JpaRepository<DirectoryEntry, String> {

}

interface DirectoryChangeRepository extends JpaRepository<DirectoryChange, Long> {

	List<DirectoryChange> findTop200ByOrderByIdDesc();

	@Query("select coalesce(max(c.id), 0) from DirectoryChange c")
	long latestId();

}
