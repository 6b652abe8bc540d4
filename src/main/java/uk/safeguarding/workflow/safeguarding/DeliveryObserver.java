package uk.safeguarding.workflow.safeguarding;

/**
 * Told about a delivery at the moment between the recipient's server accepting a notice
 * and the outbox recording it: the window a crash would hit. For monitoring and for the
 * fault tests that stop the application there.
 */
public interface DeliveryObserver {

	void handedOver(Notification notification);

}
