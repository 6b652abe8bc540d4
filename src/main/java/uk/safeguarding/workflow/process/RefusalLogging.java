package uk.safeguarding.workflow.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A refused step is not a failure: a {@link SafeguardingRuleViolation} (allocating a
 * non-investigator, a child's case closed without a referral) is logged as one WARN line
 * with the rule, the step and the case reference, instead of Camunda's ERROR
 * {@code ENGINE-16004} and its 130-line stack trace. Real failures keep their ERROR and
 * stack trace; the engine's own quiet cases (someone claimed the step first: INFO; a
 * concurrent update, a bad request, a missing right: DEBUG) stay as Camunda logs them.
 * <p>
 * Camunda has no public switch per exception type: its command-exception logging
 * ({@code enableCmdExceptionLogging}, a public setter of the configuration) is turned off
 * and done here instead, around the outermost command. The step and the case are read,
 * while the failed command's context is still open, from the task or case it was working
 * on (engine internals: there is no public API to a failing command's context).
 */
@Component
class RefusalLogging extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(RefusalLogging.class);

	/**
	 * Camunda's own logger of failed commands, for the failures that keep their ERROR.
	 */
	private static final Logger commands = LoggerFactory.getLogger("org.camunda.bpm.engine.context");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableCmdExceptionLogging(false);
		List<CommandInterceptor> pre = new ArrayList<>();
		pre.add(new FailureLog());
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		configuration.setCustomPreCommandInterceptorsTxRequired(pre);
		List<CommandInterceptor> post = new ArrayList<>();
		if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
			post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
		}
		post.add(new WatchForRefusals());
		configuration.setCustomPostCommandInterceptorsTxRequired(post);
	}

	static SafeguardingRuleViolation violation(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof SafeguardingRuleViolation violation) {
				return violation;
			}
		}
		return null;
	}

	/** Outermost: logs how the command ended, once, as Camunda's context would. */
	static final class FailureLog extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			boolean outermost = Context.getCommandContext() == null;
			try {
				return this.next.execute(command);
			}
			catch (RuntimeException | Error ex) {
				if (outermost) {
					logFailure(command, ex);
				}
				throw ex;
			}
		}

		private static void logFailure(Command<?> command, Throwable ex) {
			if (violation(ex) != null) {
				// logged with its step and case by Refusals, while the context was open
				return;
			}
			if (ex instanceof TaskAlreadyClaimedException || (ex instanceof NullValueException
					&& String.valueOf(ex.getMessage()).contains("Cannot find task with id"))) {
				// someone else got there first (a claim, a second click): the client is
				// told so; nothing failed
				commands.info("{}: {}", command.getClass().getSimpleName(), ex.getMessage());
			}
			else if (ex instanceof OptimisticLockingException || ex instanceof BadUserRequestException
					|| ex instanceof AuthorizationException) {
				commands.debug("{}: {}", command.getClass().getSimpleName(), ex.getMessage(), ex);
			}
			else {
				commands.error("{} failed: {}", command.getClass().getSimpleName(), ex.getMessage(), ex);
			}
		}

	}

	/** Inside the command context: watches each command for a refusal. */
	static final class WatchForRefusals extends CommandInterceptor {

		private static final Refusals REFUSALS = new Refusals();

		@Override
		public <T> T execute(Command<T> command) {
			CommandContext context = Context.getCommandContext();
			if (context != null) {
				context.registerCommandContextListener(REFUSALS);
			}
			return this.next.execute(command);
		}

	}

	/** One WARN line per refused command: rule, step, case reference; never a value. */
	static final class Refusals implements CommandContextListener {

		@Override
		public void onCommandContextClose(CommandContext context) {
		}

		@Override
		public void onCommandFailed(CommandContext context, Throwable thrown) {
			SafeguardingRuleViolation violation = violation(thrown);
			if (violation == null) {
				return;
			}
			String step = "the start";
			String reference = null;
			try {
				var entities = context.getDbEntityManager();
				List<TaskEntity> tasks = entities.getCachedEntitiesByType(TaskEntity.class);
				if (!tasks.isEmpty()) {
					TaskEntity task = tasks.get(0);
					step = task.getTaskDefinitionKey();
					ExecutionEntity instance = task.getProcessInstance();
					reference = (instance != null) ? instance.getBusinessKey() : null;
				}
				else {
					for (ExecutionEntity execution : entities.getCachedEntitiesByType(ExecutionEntity.class)) {
						if (execution.isProcessInstanceExecution()
								&& !entities.getDbEntityCache().isTransient(execution)) {
							// a message to an existing case
							step = "a message";
							reference = execution.getBusinessKey();
						}
					}
				}
			}
			catch (RuntimeException unknown) {
				// the refusal is still logged, without its step
			}
			log.warn("Refused by rule '{}' at {} of case {}: {}", violation.getField(), step,
					(reference != null) ? reference : "(not opened)", violation.getMessage());
		}

	}

}
