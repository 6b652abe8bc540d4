package uk.safeguarding.workflow.oversight;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Reads of one dashboard that need not wait for each other, run beside the request's own
 * thread: each on a connection of its own, outside the request's read-only transaction
 * (the statements never saw one snapshot: each reads the committed state when it runs).
 * At most {@link #THREADS} run at once for the whole node, and a read finds a free one or
 * waits in line; so a busy node holds at most that many more connections than requests.
 */
@Component
class ParallelReads {

	/** Reads running at once beside the requests, for the whole node. */
	static final int THREADS = 4;

	private final ThreadPoolExecutor threads;

	ParallelReads() {
		AtomicInteger count = new AtomicInteger();
		this.threads = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "oversight-read-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.threads.allowCoreThreadTimeOut(true);
	}

	<T> CompletableFuture<T> read(Supplier<T> read) {
		return CompletableFuture.supplyAsync(read, this.threads);
	}

	/** The read's result, or what it threw (as it threw it). */
	static <T> T result(CompletableFuture<T> read) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			read.cancel(true);
			throw new IllegalStateException("Interrupted while the dashboard was read", ex);
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@PreDestroy
	void stop() {
		this.threads.shutdownNow();
	}

}
