package uk.safeguarding.workflow.safeguarding;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryAttemptRepository extends JpaRepository<DeliveryAttempt, Long> {

	List<DeliveryAttempt> findByNotificationIdOrderByIdAsc(Long notificationId);

}
