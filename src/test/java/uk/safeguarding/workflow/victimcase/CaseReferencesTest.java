package uk.safeguarding.workflow.victimcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.safeguarding.workflow.SharedApplicationTest;

/**
 * The first cases of a year, reported at the same instant (issue 12: three of four such
 * starts failed on the year's counter row): each gets a number of its own, from 1.
 */
@SharedApplicationTest
class CaseReferencesTest {

	static final int STARTS = 6;

	@Autowired
	CaseReferences references;

	@Test
	void caseReferences_theFirstStartsOfAYearAtTheSameInstant_eachGetANumberOfTheirOwn() throws Exception {
		int year = 2199;
		ExecutorService pool = Executors.newFixedThreadPool(STARTS);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> numbers = new ArrayList<>();
			for (int i = 0; i < STARTS; i++) {
				numbers.add(pool.submit(() -> {
					go.await();
					return this.references.next(year);
				}));
			}
			go.countDown();
			List<Integer> issued = new ArrayList<>();
			for (Future<Integer> number : numbers) {
				issued.add(number.get(60, TimeUnit.SECONDS));
			}
			assertThat(issued).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, STARTS).boxed().toList());
			assertThat(this.references.next(year)).isEqualTo(STARTS + 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
