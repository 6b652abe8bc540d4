package uk.safeguarding.workflow.victimcase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues case numbers, one year's counter row at a time, safe under simultaneous starts
 * on one or several nodes (H2 and PostgreSQL alike).
 * <p>
 * Each number is taken in a short transaction of its own, holding the year's row lock for
 * a few milliseconds rather than for the whole start (which would queue every officer
 * behind the slowest start, and time out). The first start of a year creates the row; a
 * start that meets another doing the same at the same instant gets a duplicate-key error,
 * and simply locks the row the other created. A start that fails after taking its number
 * leaves a gap: references are unique and increasing, not gapless.
 */
@Component
class CaseReferences {

	private static final Logger log = LoggerFactory.getLogger(CaseReferences.class);

	static final int ATTEMPTS = 5;

	private final CaseReferenceCounterRepository counters;

	private final TransactionTemplate ownTransaction;

	CaseReferences(CaseReferenceCounterRepository counters, PlatformTransactionManager transactions) {
		this.counters = counters;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param year the calendar year (Europe/London) of the report
	 * @return the next number of that year, from 1
	 */
	int next(int year) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.ownTransaction.execute((status) -> {
					CaseReferenceCounter counter = this.counters.lockYear(year)
						.orElseGet(() -> this.counters.saveAndFlush(new CaseReferenceCounter(year)));
					return counter.next();
				});
			}
			catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
				// another start created or held the year's row at the same instant: its
				// row is there now
				log.debug("Case number for {} met a simultaneous start; trying again ({} of {})", year, attempt + 1,
						ATTEMPTS);
			}
		}
	}

}
