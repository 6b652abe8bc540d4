package uk.safeguarding.workflow.safeguarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Keeps the start form's list of areas equal to the safeguarding directory, an area added
 * or renamed while the product runs included. Tasklist 7.24 gives a Camunda Forms start
 * form no server data, so the list has to be in the form itself: the start event binds
 * its form by {@code formRefBinding="latest"}, and whenever the directory's areas differ
 * from those of the latest deployed start form, a new version of the form is deployed,
 * the shipped form with the directory's areas (name shown, ONS code sent). It is checked
 * at start (the shipped form of a new release may have come after) and on every change of
 * the directory, in the change's transaction, so the directory and the form the engine
 * serves never disagree. Every node serves the same form: it lives in the engine's
 * database.
 */
@Component
public class StartFormAreas {

	static final String PROCESS = "victim-safeguarding";

	static final String RESOURCE = "forms/report-potential-victim.form";

	static final String FIELD = "Field_areaCode";

	/**
	 * The name of the deployments this makes (the shipped ones are the application's).
	 */
	static final String DEPLOYMENT = "safeguarding-directory-start-form";

	private static final Logger log = LoggerFactory.getLogger(StartFormAreas.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RepositoryService repository;

	private final FormService forms;

	private final IdentityService identity;

	private final SafeguardingDirectory directory;

	StartFormAreas(RepositoryService repository, FormService forms, IdentityService identity,
			SafeguardingDirectory directory) {
		this.repository = repository;
		this.forms = forms;
		this.identity = identity;
		this.directory = directory;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		offerTheDirectory();
	}

	@EventListener(DirectoryChanged.class)
	void directoryChanged() {
		offerTheDirectory();
	}

	/**
	 * Deploys a new version of the start form when its areas are not the directory's.
	 * @return whether a new version was deployed
	 */
	boolean offerTheDirectory() {
		ArrayNode wanted = options(this.directory.all());
		// the deployment is the product's own doing, not the administrator's: the people
		// who keep the directory have no right to deploy, and need none. The login is put
		// back after (the identity service's public API).
		var caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			Optional<JsonNode> deployed = deployedForm();
			if (deployed.isEmpty() || wanted.equals(areaField(deployed.get()).get("values"))) {
				return false;
			}
			ObjectNode form = (ObjectNode) read(new ClassPathResource(RESOURCE).getInputStream());
			areaField(form).set("values", wanted);
			this.repository.createDeployment()
				.name(DEPLOYMENT)
				.source("safeguarding directory")
				.addString(RESOURCE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form))
				.deploy();
			log.info("Deployed the start form with the directory's {} areas", wanted.size());
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

	private Optional<JsonNode> deployedForm() throws IOException {
		ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return Optional.empty();
		}
		try (InputStream form = this.forms.getDeployedStartForm(latest.getId())) {
			return Optional.of(read(form));
		}
	}

	/** The areas as the form's options, by name as the directory sorts them. */
	static ArrayNode options(List<SafeguardingArea> areas) {
		ArrayNode values = JSON.createArrayNode();
		for (SafeguardingArea area : areas) {
			values.addObject().put("label", area.areaName()).put("value", area.areaCode());
		}
		return values;
	}

	private static JsonNode read(InputStream form) throws IOException {
		try (form) {
			return JSON.readTree(form);
		}
	}

	/** The area field, wherever the form's groups put it. */
	static ObjectNode areaField(JsonNode node) {
		if (FIELD.equals(node.path("id").asText())) {
			return (ObjectNode) node;
		}
		for (JsonNode child : node.path("components")) {
			ObjectNode found = areaField(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/** Published in the transaction of a change of the directory's areas. */
	record DirectoryChanged() {
	}

}
