package uk.safeguarding.workflow.oversight;

/**
 * {@link OversightVolumeBenchmark} at a few hundred cases inside {@code mvn verify}, so
 * that the seeding and the measuring cannot rot: the templates are driven through the
 * product, copied, and every page, case view, case API and role filter loaded on
 * PostgreSQL; each must answer 200 (the benchmark fails otherwise). It prints its figures
 * and asserts no timing.
 *
 * <p>
 * Its own context (PostgreSQL) runs before the shared one, as the benchmark's does:
 * JUnit's {@code @Order} is not inherited.
 */
@org.junit.jupiter.api.Order(2)
class OversightVolumeSmokeTest extends OversightVolumeBenchmark {

	@Override
	int open() {
		return 60;
	}

	@Override
	int closed() {
		return 240;
	}

	@Override
	int loads() {
		return 1;
	}

}
