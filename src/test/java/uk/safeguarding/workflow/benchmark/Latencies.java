package uk.safeguarding.workflow.benchmark;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Durations of one kind of call, for percentiles. Safe across client threads. */
final class Latencies {

	private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

	<T> T time(Supplier<T> call) {
		long start = System.nanoTime();
		try {
			return call.get();
		}
		finally {
			this.nanos.add(System.nanoTime() - start);
		}
	}

	void time(Runnable call) {
		time(() -> {
			call.run();
			return null;
		});
	}

	int count() {
		return this.nanos.size();
	}

	/** p50/p95/p99 in milliseconds. */
	String percentiles() {
		long[] sorted = this.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		if (sorted.length == 0) {
			return "-";
		}
		return String.format("%.1f / %.1f / %.1f", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
	}

	private static double at(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

}
