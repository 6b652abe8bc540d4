package uk.safeguarding.workflow.process;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A feature's listener on the start of every message start event of every deployment. A
 * feature declares it as a bean; {@link JourneyEnginePlugin} registers each one (see
 * {@link StepListener} for why).
 */
public interface MessageStartListener extends ExecutionListener {

}
