package uk.safeguarding.workflow.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a person's command again when it met a concurrent update of the same case (for
 * example a notification job finishing on the case while an officer completes a step):
 * the first attempt was rolled back whole, so a second attempt starts from the committed
 * state. Only outermost commands outside any surrounding transaction are retried; the job
 * executor handles its own.
 */
public class ConcurrentUpdateRetry extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdateRetry.class);

	static final int ATTEMPTS = 3;

	@Override
	public <T> T execute(Command<T> command) {
		boolean outermost = Context.getCommandContext() == null
				&& !TransactionSynchronizationManager.isActualTransactionActive();
		for (int attempt = 1;; attempt++) {
			try {
				return this.next.execute(command);
			}
			catch (OptimisticLockingException ex) {
				if (!outermost || attempt >= ATTEMPTS) {
					throw ex;
				}
				log.info("{} met a concurrent update of the same case; trying again ({} of {})",
						command.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
			}
		}
	}

}
