package uk.safeguarding.workflow.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.safeguarding.DeliveryObserver;
import uk.safeguarding.workflow.safeguarding.Notification;

/** Counts the notices handed over to their recipient, by notice type and channel. */
@Component
class NotificationsSentCounter implements DeliveryObserver {

	static final String METER = "safeguarding.notifications.sent";

	private final MeterRegistry registry;

	NotificationsSentCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void handedOver(Notification notification) {
		this.registry
			.counter(METER, "notice", notification.getNotice().name(), "channel", notification.getChannel().name())
			.increment();
	}

}
