package uk.safeguarding.workflow.deadlines;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One overdue sweep at a time per case, across threads and nodes, so a second sweep of
 * the same case waits for the first and then reads the level (or chase count) it set.
 * Within a node: a striped in-process lock, taken before the sweep's transaction. Across
 * nodes (PostgreSQL, the only database for more than one node): a transaction-scoped
 * advisory lock, the transaction's first statement. Neither is a row lock: a step
 * completed at the same moment never waits for a sweep's lock, nor a sweep for a
 * completion's, so the two cannot deadlock (a row lock on the case record, tried first,
 * did: the sweep held the record and waited for the step's engine rows, the step held
 * those and waited for the record).
 */
@Component
class SweepLocks {

	private final ReentrantLock[] stripes = new ReentrantLock[64];

	private final JdbcTemplate db;

	private final boolean postgres;

	SweepLocks(DataSource dataSource) throws SQLException {
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new ReentrantLock();
		}
		this.db = new JdbcTemplate(dataSource);
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	/** This node's lock for the case; hold it around the sweep's transaction. */
	ReentrantLock local(String processInstanceId) {
		return this.stripes[Math.floorMod(processInstanceId.hashCode(), this.stripes.length)];
	}

	/**
	 * Inside the sweep's transaction, before anything else: waits while another node
	 * sweeps the case, until its transaction ends.
	 */
	void acrossNodes(String processInstanceId) {
		if (this.postgres) {
			this.db.queryForList("select pg_advisory_xact_lock(hashtext(?))", processInstanceId);
		}
	}

}
