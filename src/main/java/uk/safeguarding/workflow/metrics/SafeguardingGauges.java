package uk.safeguarding.workflow.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The product's gauges, refreshed every {@code safeguarding.metrics.refresh-interval} (30
 * s) rather than on each scrape: a Prometheus scrape reads the cached figures and runs no
 * query.
 */
@Component
public class SafeguardingGauges {

	private static final Logger log = LoggerFactory.getLogger(SafeguardingGauges.class);

	private final SafeguardingFiguresQuery query;

	private final AtomicReference<SafeguardingFigures> figures = new AtomicReference<>();

	private final MultiGauge openCases;

	private final MultiGauge overdueSteps;

	private final MultiGauge notifications;

	public SafeguardingGauges(SafeguardingFiguresQuery query, MeterRegistry registry) {
		this.query = query;
		this.openCases = MultiGauge.builder("safeguarding.cases.open")
			.description("Open cases by pathway")
			.register(registry);
		this.overdueSteps = MultiGauge.builder("safeguarding.steps.overdue")
			.description("Overdue open steps by step and escalation level (0 none, 1 supervisor, 2 managers)")
			.register(registry);
		this.notifications = MultiGauge.builder("safeguarding.notifications")
			.description("Stored notifications by delivery status")
			.register(registry);
		Gauge.builder("safeguarding.incidents.open", this, (gauges) -> gauges.value(SafeguardingFigures::openIncidents))
			.description("Open engine incidents")
			.register(registry);
		Gauge
			.builder("safeguarding.jobs.no.retries", this,
					(gauges) -> gauges.value(SafeguardingFigures::jobsWithoutRetries))
			.description("Jobs whose retries ran out")
			.register(registry);
	}

	/**
	 * Refreshes the figures unless {@code safeguarding.metrics.refresh-enabled=false}.
	 */
	@Component
	@ConditionalOnProperty(name = "safeguarding.metrics.refresh-enabled", havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final SafeguardingGauges gauges;

		Schedule(SafeguardingGauges gauges) {
			this.gauges = gauges;
		}

		@Scheduled(initialDelayString = "${safeguarding.metrics.initial-delay:PT5S}",
				fixedDelayString = "${safeguarding.metrics.refresh-interval:PT30S}")
		void refresh() {
			this.gauges.refresh();
		}

	}

	/** Reads the figures again and publishes them. */
	public void refresh() {
		SafeguardingFigures now;
		try {
			now = this.query.current();
		}
		catch (RuntimeException ex) {
			// the last figures stay; the next refresh tries again
			log.warn("Could not refresh the safeguarding metrics: {}", ex.getMessage());
			return;
		}
		this.figures.set(now);
		this.openCases.register(rows(now.openCasesByPathway(), "pathway"), true);
		List<MultiGauge.Row<?>> overdue = new ArrayList<>();
		now.overdueSteps()
			.forEach((step, levels) -> levels.forEach((level, count) -> overdue
				.add(MultiGauge.Row.of(Tags.of("step", step, "level", String.valueOf(level)), count))));
		this.overdueSteps.register(overdue, true);
		this.notifications.register(rows(now.notificationsByStatus(), "status"), true);
	}

	/** The figures last read, or null before the first refresh. */
	public SafeguardingFigures figures() {
		return this.figures.get();
	}

	private double value(java.util.function.ToLongFunction<SafeguardingFigures> figure) {
		SafeguardingFigures current = this.figures.get();
		return (current != null) ? figure.applyAsLong(current) : Double.NaN;
	}

	private static List<MultiGauge.Row<?>> rows(Map<String, Long> counts, String tag) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		counts.forEach((key, count) -> rows.add(MultiGauge.Row.of(Tags.of(tag, key), count)));
		return rows;
	}

}
