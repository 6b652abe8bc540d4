package uk.safeguarding.workflow;

import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.safeguarding.DeliveryObserver;
import uk.safeguarding.workflow.safeguarding.Notification;

/**
 * Test hook: when armed, stops a delivery after the mail server accepted the notice and
 * before the outbox records it, as a crash or a stopped node would. Disarms itself.
 */
@Component
public class CrashBetweenSendAndRecord implements DeliveryObserver {

	public static volatile boolean armed;

	@Override
	public void handedOver(Notification notification) {
		if (armed) {
			armed = false;
			throw new SimulatedCrash();
		}
	}

	static class SimulatedCrash extends RuntimeException {

		SimulatedCrash() {
			super("simulated crash between the SMTP server's acceptance and recording it");
		}

	}

}
