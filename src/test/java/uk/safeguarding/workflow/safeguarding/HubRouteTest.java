package uk.safeguarding.workflow.safeguarding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec section 6: who receives a hub notice, and when it may identify the victim. */
class HubRouteTest {

	private static final SafeguardingArea PLAIN = new SafeguardingArea("E06000001", "Hartlepool",
			"mash@hartlepool.example.gov.uk", "adults@hartlepool.example.gov.uk", false, null, false, false);

	private static final SafeguardingArea SECURE = new SafeguardingArea("E09000030", "Tower Hamlets",
			"mash@towerhamlets.example.gov.uk", "adults@towerhamlets.example.gov.uk", true, "ictg@example.org", false,
			true);

	private static final SafeguardingArea WEBHOOK = new SafeguardingArea("E09000030", "Tower Hamlets",
			"mash@towerhamlets.example.gov.uk", "adults@towerhamlets.example.gov.uk", true, "ictg@example.org", false,
			true, "https://hub.towerhamlets.example.gov.uk/notices");

	@Test
	void childInASecureArea_isASecureReferralToTheMash_andChildrensServicesKnow() {
		HubRoute route = HubRoute.of(true, false, SECURE);

		assertThat(route.recipient()).isEqualTo("mash@towerhamlets.example.gov.uk");
		assertThat(route.channel()).isEqualTo(Channel.EMAIL);
		assertThat(route.identifying()).isTrue();
		assertThat(route.childrensServicesKnow()).isTrue();
	}

	@Test
	void childInAnAreaWithoutASecureChannel_isNotIdentified_andChildrensServicesAreToldLater() {
		HubRoute route = HubRoute.of(true, false, PLAIN);

		assertThat(route.recipient()).isEqualTo("mash@hartlepool.example.gov.uk");
		assertThat(route.identifying()).isFalse();
		assertThat(route.childrensServicesKnow()).isFalse();
	}

	@Test
	void adultWithCareAndSupportNeeds_goesToAdultSafeguarding() {
		HubRoute route = HubRoute.of(false, true, SECURE);

		assertThat(route.recipient()).isEqualTo("adults@towerhamlets.example.gov.uk");
		assertThat(route.audience()).startsWith("Adult safeguarding");
		assertThat(route.identifying()).isTrue();
		assertThat(route.childrensServicesKnow()).isFalse();
	}

	@Test
	void adultWithoutCareAndSupportNeeds_isNeverIdentified_evenOverASecureChannel() {
		HubRoute route = HubRoute.of(false, false, SECURE);

		assertThat(route.recipient()).isEqualTo("mash@towerhamlets.example.gov.uk");
		assertThat(route.identifying()).isFalse();
	}

	@Test
	void areaWithAWebhook_isNotifiedThere_withoutIdentifyingData() {
		HubRoute route = HubRoute.of(true, false, WEBHOOK);

		assertThat(route.recipient()).isEqualTo("https://hub.towerhamlets.example.gov.uk/notices");
		assertThat(route.channel()).isEqualTo(Channel.WEBHOOK);
		assertThat(route.identifying()).isFalse();
		assertThat(route.childrensServicesKnow()).isFalse();
	}

}
