package uk.safeguarding.workflow.safeguarding;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	// written out rather than derived from the name: Hibernate keeps the translation of a
	// query string, where Spring Data's derived query (a criteria query) is translated
	// anew on every call (1.4% of a journey in the benchmark's profile: every notice
	// looks up its key)
	@Query("select n from Notification n where n.idempotencyKey = :idempotencyKey")
	Optional<Notification> findByIdempotencyKey(@Param("idempotencyKey") String idempotencyKey);

	List<Notification> findByCaseReferenceOrderByIdAsc(String caseReference);

	/**
	 * Claims a notification for one attempt: only one attempt can move it from a status
	 * in {@code from} to SENDING.
	 * @return 1 when this attempt has the claim, 0 when another status was found
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Notification n set n.status = uk.safeguarding.workflow.safeguarding.NotificationStatus.SENDING, "
			+ "n.sendingSince = :now, n.attempts = n.attempts + 1 where n.id = :id and n.status in :from")
	int claim(@Param("id") Long id, @Param("from") Collection<NotificationStatus> from, @Param("now") Instant now);

}
