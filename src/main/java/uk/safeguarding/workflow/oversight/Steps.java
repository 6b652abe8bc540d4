package uk.safeguarding.workflow.oversight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.process.VictimSafeguardingProcess;

/**
 * The human steps of the journey and their names, read from the deployed model (so the
 * dashboard says what Tasklist says), cached per deployed version.
 */
@Component
class Steps {

	private final RepositoryService repository;

	private volatile String definitionId;

	private volatile Map<String, String> names = Map.of();

	Steps(RepositoryService repository) {
		this.repository = repository;
	}

	/** Step id to name, in model order. */
	Map<String, String> names() {
		ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(VictimSafeguardingProcess.KEY)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return Map.of();
		}
		if (!latest.getId().equals(this.definitionId)) {
			Map<String, String> read = new LinkedHashMap<>();
			for (UserTask task : this.repository.getBpmnModelInstance(latest.getId())
				.getModelElementsByType(UserTask.class)) {
				read.put(task.getId(), (task.getName() != null) ? task.getName() : task.getId());
			}
			this.names = Collections.unmodifiableMap(read);
			this.definitionId = latest.getId();
		}
		return this.names;
	}

}
