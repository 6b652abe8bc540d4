package uk.safeguarding.workflow.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, every connection of the product's pool plans each statement with the
 * values it is run with ({@code plan_cache_mode = force_custom_plan}).
 * <p>
 * Why: the engine's authorization check joins a person's grants with
 * {@code A.PERMS_ & ? = ?}. The JDBC driver prepares a statement on the server after five
 * runs, and PostgreSQL then switches to a generic plan, made without the values, whenever
 * its estimate is lower. For that condition the generic estimate is 0.5% of the grants,
 * whatever the statistics (changeset 712) say, and the generic plan of a supervisor's "My
 * team's tasks" compares every open step with every grant: over 3 minutes at 20,000 open
 * cases, where the plan made with the values takes about a second (docs/performance.md,
 * "Tasklist filters at full scale"). Planning each run costs well under a millisecond for
 * the engine's usual statements.
 * <p>
 * A pool that already sets its own {@code connectionInitSql} is left as it is (its
 * operator then sets {@code plan_cache_mode} for the product's database user instead).
 * {@code safeguarding.database.custom-plans=false} switches this off, to measure what the
 * planning costs (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
public class PostgresQueryPlans {

	static final String CUSTOM_PLANS = "SET plan_cache_mode = force_custom_plan";

	@Bean
	@ConditionalOnProperty(name = "safeguarding.database.custom-plans", matchIfMissing = true)
	static BeanPostProcessor postgresCustomPlans() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && isPostgres(pool.getJdbcUrl())
						&& pool.getConnectionInitSql() == null) {
					pool.setConnectionInitSql(CUSTOM_PLANS);
				}
				return bean;
			}
		};
	}

	static boolean isPostgres(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

}
