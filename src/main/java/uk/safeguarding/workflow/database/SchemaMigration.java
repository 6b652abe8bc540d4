package uk.safeguarding.workflow.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The order at start: adopt engine tables made by an earlier version
 * ({@link EngineSchemaAdoption}), then Liquibase migrates every table (Spring Boot's
 * {@code liquibase} bean; JPA already waits for it), then the process engine is built.
 * The engine is told not to touch the schema
 * ({@code camunda.bpm.database.schema-update=false}) and must not start before its tables
 * are there, so every process engine bean depends on every Liquibase bean.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.liquibase.enabled", matchIfMissing = true)
public class SchemaMigration {

	static final String ADOPTION = "engineSchemaAdoption";

	@Bean(ADOPTION)
	EngineSchemaAdoption engineSchemaAdoption(DataSource dataSource, ResourceLoader resourceLoader,
			LiquibaseProperties liquibase) {
		return new EngineSchemaAdoption(dataSource, resourceLoader, liquibase.getChangeLog());
	}

	@Bean
	static BeanFactoryPostProcessor migrationBeforeEngine() {
		return (beanFactory) -> {
			String[] migrations = beanFactory.getBeanNamesForType(SpringLiquibase.class, true, false);
			for (String migration : migrations) {
				dependOn(beanFactory, migration, ADOPTION);
			}
			List<String> engines = new ArrayList<>();
			engines.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngine.class, true, false)));
			engines.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)));
			for (String engine : engines) {
				dependOn(beanFactory, engine.startsWith("&") ? engine.substring(1) : engine, migrations);
			}
		};
	}

	private static void dependOn(ConfigurableListableBeanFactory beanFactory, String beanName, String... others) {
		if (!beanFactory.containsBeanDefinition(beanName)) {
			return;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
		List<String> dependsOn = new ArrayList<>();
		if (definition.getDependsOn() != null) {
			dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
		}
		for (String other : others) {
			if (!dependsOn.contains(other) && !other.equals(beanName)) {
				dependsOn.add(other);
			}
		}
		definition.setDependsOn(dependsOn.toArray(String[]::new));
	}

}
