package uk.safeguarding.workflow.safeguarding;

/**
 * Where a case's safeguarding hub notice goes, and whether it may identify the victim
 * (spec section 6): children's services (MASH) for a child, adult safeguarding for an
 * adult with care and support needs, otherwise the hub with no identifying data.
 * Identifying details go only over a channel the directory marks secure, and never to a
 * webhook.
 *
 * @param recipient the address or webhook URL
 * @param audience who receives it, for the notice and the chronology
 * @param channel email or webhook
 * @param identifying whether the notice may carry the victim's identifying details
 * @param child whether the case is on the child pathway
 */
public record HubRoute(String recipient, String audience, Channel channel, boolean identifying, boolean child) {

	/**
	 * The route of a hub notice.
	 * @param child whether the case is on the child pathway
	 * @param careAndSupportNeeds whether an adult has care and support needs
	 * @param area the case's directory entry
	 * @return where the notice goes
	 */
	public static HubRoute of(boolean child, boolean careAndSupportNeeds, SafeguardingArea area) {
		String recipient;
		String audience;
		if (child) {
			recipient = area.mashEmail();
			audience = "Children's services (MASH)";
		}
		else if (careAndSupportNeeds) {
			recipient = area.adultSafeguardingEmail();
			audience = "Adult safeguarding (Care Act 2014 s42)";
		}
		else {
			recipient = area.mashEmail();
			audience = "Safeguarding hub (no identifying data: adult without care and support needs)";
		}
		if (area.webhookUrl() != null) {
			return new HubRoute(area.webhookUrl(), audience, Channel.WEBHOOK, false, child);
		}
		return new HubRoute(recipient, audience, Channel.EMAIL, area.secureEmail() && (child || careAndSupportNeeds),
				child);
	}

	/**
	 * Whether children's services learn of the child from this notice (a secure referral
	 * about a child), so the journey need not tell them again.
	 * @return {@code true} when they will know
	 */
	public boolean childrensServicesKnow() {
		return this.identifying && this.child;
	}

}
