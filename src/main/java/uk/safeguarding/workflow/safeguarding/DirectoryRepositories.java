package uk.safeguarding.workflow.safeguarding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DirectoryEntryRepository extends JpaRepository<DirectoryEntry, String> {

}

interface DirectoryChangeRepository extends JpaRepository<DirectoryChange, Long> {

	List<DirectoryChange> findTop200ByOrderByIdDesc();

}
