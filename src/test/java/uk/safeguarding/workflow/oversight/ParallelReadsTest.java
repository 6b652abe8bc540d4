package uk.safeguarding.workflow.oversight;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's reads beside the request: a failed read reaches the request as it was
 * thrown (so the page fails as it did when the read ran in the request's thread), and no
 * more than {@link ParallelReads#THREADS} run at once however many pages are loaded.
 */
class ParallelReadsTest {

	private final ParallelReads reads = new ParallelReads();

	@AfterEach
	void stop() {
		this.reads.stop();
	}

	@Test
	void aFailedRead_isThrownToTheRequestAsItWasThrown() {
		CompletableFuture<Long> failed = this.reads.read(() -> {
			throw new QueryTimeoutException("the grouped count took too long");
		});
		assertThatThrownBy(() -> ParallelReads.result(failed)).isInstanceOf(QueryTimeoutException.class)
			.hasMessage("the grouped count took too long");
		assertThat(ParallelReads.result(this.reads.read(() -> Thread.currentThread().getName())))
			.startsWith("oversight-read-");
	}

	@Test
	void atMostFourReadsRunAtOnce_theRestWaitInLine() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(ParallelReads.THREADS + 2);
		java.util.List<CompletableFuture<Integer>> waiting = new java.util.ArrayList<>();
		for (int i = 0; i < ParallelReads.THREADS + 2; i++) {
			waiting.add(this.reads.read(() -> {
				started.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return 1;
			}));
		}
		// four start; the other two wait until one of them ends
		assertThat(started.await(500, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(started.getCount()).isEqualTo(2);
		release.countDown();
		assertThat(waiting.stream().mapToInt(ParallelReads::result).sum()).isEqualTo(ParallelReads.THREADS + 2);
	}

}
