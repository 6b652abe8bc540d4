package uk.safeguarding.workflow.oversight;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.safeguarding.workflow.safeguarding.IctgReferralQueued;
import uk.safeguarding.workflow.web.CurrentUser;

/**
 * The completed steps kept for the trends ({@link StepOutcome}), and the figures read
 * from them: every query is bounded by the period and uses the completion-time index, so
 * its cost follows the period's work, not the size of the history.
 * <p>
 * The period's figures ({@link #history}: these, and the children referred to the ICTG
 * service in the period) are kept for at most {@link #FRESH} by the journey's clock per
 * person's scope and filters: at ten years of volume the medians per step alone cost 133
 * ms a load (a {@code PERCENTILE_CONT} over the period's share of 3.5 million outcomes)
 * and the referrals 85-177 ms (a look-up of each of the period's 13,000 referrals in the
 * case record). A step recorded or an ICTG referral stored on this node forgets them all
 * once its transaction ends, so this node's pages never show figures older than its own
 * work; work on another node shows within {@link #FRESH}, and the page says when the
 * figures were read.
 */
@Service
public class StepOutcomes {

	private final StepOutcomeRepository repository;

	private final NamedParameterJdbcTemplate sql;

	private final VisibleCases cases;

	StepOutcomes(StepOutcomeRepository repository, NamedParameterJdbcTemplate sql, VisibleCases cases) {
		this.repository = repository;
		this.sql = sql;
		this.cases = cases;
	}

	/** How long the period's figures are kept, by the journey's clock. */
	static final Duration FRESH = Duration.ofMinutes(1);

	/** How many scopes and filter sets are kept at most (the least recently used go). */
	static final int KEPT = 200;

	/** The period's figures for one person's scope and filters. */
	private record Key(String scope, OversightFilters filters) {
	}

	/**
	 * The figures of the period ending at {@code asOf}: per step, the steps completed
	 * late in each bucket starting at {@code starts}, and the children referred to the
	 * ICTG service (visible cases only).
	 */
	record History(Instant asOf, List<StepFigures> byStep, List<Instant> starts, List<Long> late,
			long childrenReferredToIctg) {
	}

	private final Map<Key, History> kept = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, History> eldest) {
			return size() > KEPT;
		}
	};

	/** Counts the forgetting, so that figures read before one are not kept after it. */
	private long generation;

	public void record(String caseReference, String step, String areaCode, String pathway, String supervisor,
			Instant createdAt, Instant dueAt, Instant completedAt) {
		this.repository
			.save(new StepOutcome(caseReference, step, areaCode, pathway, supervisor, createdAt, dueAt, completedAt));
		forgetWhenDone();
	}

	/** A child's ICTG referral was stored: the period's count of them changes. */
	@EventListener
	void referredToIctg(IctgReferralQueued referral) {
		forgetWhenDone();
	}

	/**
	 * Forgets the kept figures once the current transaction ends (at once without one).
	 */
	private void forgetWhenDone() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget();
				}
			});
		}
		else {
			forget();
		}
	}

	private synchronized void forget() {
		this.kept.clear();
		this.generation++;
	}

	/**
	 * The period's figures ({@link #byStep} and {@link #late} over buckets of
	 * {@code bucketDays} from {@code now} minus the period), read at most {@link #FRESH}
	 * ago by the journey's clock (never after {@code now}: a clock moved back reads them
	 * again).
	 */
	History history(CurrentUser user, OversightFilters filters, Instant now, int bucketDays) {
		Key key = new Key(user.isManager() ? "" : "supervisor:" + user.id(), filters);
		long generationRead;
		synchronized (this) {
			History history = this.kept.get(key);
			if (history != null && !now.isBefore(history.asOf()) && now.isBefore(history.asOf().plus(FRESH))) {
				return history;
			}
			generationRead = this.generation;
		}
		Instant from = now.minus(Duration.ofDays(filters.periodDays()));
		List<Instant> starts = new ArrayList<>();
		for (Instant start = from; start.isBefore(now); start = start.plus(Duration.ofDays(bucketDays))) {
			starts.add(start);
		}
		History history = new History(now, byStep(user, filters, from, now), starts, late(user, filters, starts, now),
				this.cases.childrenReferredToIctg(user, filters, from, now));
		synchronized (this) {
			if (this.generation == generationRead) {
				this.kept.put(key, history);
			}
		}
		return history;
	}

	/** Per step: completed, median duration (ms), completed on time. */
	record StepFigures(String step, long completed, double medianMs, long onTime) {
	}

	List<StepFigures> byStep(CurrentUser user, OversightFilters filters, Instant from, Instant to) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = where(user, filters, from, to, parameters);
		return this.sql.query(
				"SELECT step, COUNT(*) AS completed, "
						+ "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median_ms, "
						+ "SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time FROM oversight_step_outcome" + where
						+ " GROUP BY step ORDER BY step",
				parameters, (row, n) -> new StepFigures(row.getString("step"), row.getLong("completed"),
						row.getDouble("median_ms"), row.getLong("on_time")));
	}

	/**
	 * Steps completed after their due date in each of the given periods (consecutive
	 * {@code [starts[i], starts[i + 1])}, the last ending at {@code end}), in one
	 * statement over the whole range: one count per bucket would be a dozen statements a
	 * load.
	 */
	List<Long> late(CurrentUser user, OversightFilters filters, List<Instant> starts, Instant end) {
		if (starts.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = where(user, filters, starts.get(0), end, parameters);
		StringBuilder sql = new StringBuilder("SELECT ");
		for (int i = 0; i < starts.size(); i++) {
			Instant to = (i + 1 < starts.size()) ? starts.get(i + 1) : end;
			parameters.addValue("b" + i, Timestamp.from(starts.get(i)));
			parameters.addValue("e" + i, Timestamp.from(to));
			sql.append((i > 0) ? ", " : "")
				.append("SUM(CASE WHEN completed_at >= :b" + i + " AND completed_at < :e" + i
						+ " THEN 1 ELSE 0 END) AS late" + i);
		}
		sql.append(" FROM oversight_step_outcome").append(where).append(" AND on_time = FALSE");
		return this.sql.queryForObject(sql.toString(), parameters, (row, n) -> {
			List<Long> late = new ArrayList<>();
			for (int i = 0; i < starts.size(); i++) {
				late.add(row.getLong("late" + i));
			}
			return late;
		});
	}

	private static String where(CurrentUser user, OversightFilters filters, Instant from, Instant to,
			MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		conditions.add("completed_at >= :from");
		conditions.add("completed_at < :to");
		parameters.addValue("from", Timestamp.from(from));
		parameters.addValue("to", Timestamp.from(to));
		if (!user.isManager()) {
			// a supervisor: their cases and the unowned ones (the access rule)
			conditions.add("(supervisor = :me OR supervisor IS NULL)");
			parameters.addValue("me", user.id());
		}
		if (filters.area() != null) {
			conditions.add("area_code = :area");
			parameters.addValue("area", filters.area());
		}
		if (filters.pathway() != null) {
			conditions.add("pathway = :pathway");
			parameters.addValue("pathway", filters.pathway());
		}
		if (filters.step() != null) {
			conditions.add("step = :step");
			parameters.addValue("step", filters.step());
		}
		if (filters.supervisor() != null) {
			conditions.add("supervisor = :supervisor");
			parameters.addValue("supervisor", filters.supervisor());
		}
		return " WHERE " + String.join(" AND ", conditions);
	}

}
