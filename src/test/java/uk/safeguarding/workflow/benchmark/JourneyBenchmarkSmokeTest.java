package uk.safeguarding.workflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.safeguarding.workflow.RestJourney;
import uk.safeguarding.workflow.SharedApplicationTest;
import uk.safeguarding.workflow.benchmark.JourneyThroughput.Figures;

/**
 * The journey benchmark (profile journey-benchmark) at a small N inside
 * {@code mvn verify}: six journeys of the national mix (a child, adults who consent, an
 * adult who declines twice, a negative decision) through the product in-process, on a
 * bare engine, and over engine REST with two clients. Its figures are printed and never
 * asserted; what is asserted is that every journey reached its case's closure by the way
 * its answers lead.
 */
@SharedApplicationTest
class JourneyBenchmarkSmokeTest {

	/** Six journeys with every kind of the mix in them (see JourneyMix.of). */
	static final long SEED = 3;

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	ProcessEngine engine;

	@LocalServerPort
	int port;

	@Test
	void everyJourneyOfTheMix_reachesItsExpectedEnd_inProcessOnABareEngineAndOverRest() throws Exception {
		EngineApi product = new EngineApi(this.engine, false);
		var journeys = JourneyMix.of(6, SEED);
		Figures inProcess = JourneyThroughput.run("product in-process", "H2", product, journeys, 1,
				this.engine.getManagementService(), null);
		ProcessEngine bare = JourneyThroughput.bareEngine("bare-journeys-smoke",
				"jdbc:h2:mem:bare-journeys-smoke;DB_CLOSE_DELAY=-1", "sa", "");
		Figures onBare;
		try {
			onBare = JourneyThroughput.run("bare engine", "H2", new EngineApi(bare, true), journeys, 1, null, null);
		}
		finally {
			JourneyThroughput.close(bare);
		}
		Figures overRest = JourneyThroughput.run("product over REST", "H2",
				new RestApi("http://127.0.0.1:" + this.port, RestJourney.PASSWORD, product), JourneyMix.of(4, SEED), 2,
				this.engine.getManagementService(), null);

		System.out.println("journey benchmark smoke run (figures not asserted):\n" + JourneyThroughput.header() + "\n"
				+ inProcess.row() + "\n" + onBare.row() + "\n" + overRest.row());
		for (Figures run : java.util.List.of(inProcess, onBare, overRest)) {
			assertThat(run.failures()).as("%s: journeys that did not reach their expected end", run.name()).isEmpty();
		}
		assertThat(inProcess.kinds()).containsExactlyInAnyOrder("child", "adult consents", "adult declines twice");
		assertThat(onBare.kinds()).containsExactlyInAnyOrder("child", "adult consents", "adult declines twice");
	}

}
