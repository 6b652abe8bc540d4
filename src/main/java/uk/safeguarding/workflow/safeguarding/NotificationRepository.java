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

	Optional<Notification> findByIdempotencyKey(String idempotencyKey);

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
