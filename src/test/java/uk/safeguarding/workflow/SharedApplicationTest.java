package uk.safeguarding.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running application that most Spring tests share: one context, started once. Keep
 * every such test on this annotation: a test with other properties gets a context of its
 * own, and Camunda's webapps and REST find their engine by name ("default") in a JVM-wide
 * registry that only one live application may hold (see
 * src/test/resources/spring.properties).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:journey;DB_CLOSE_DELAY=-1",
				"SAFEGUARDING_DEMO_PASSWORD=" + RestJourney.PASSWORD, "spring.mail.host=127.0.0.1",
				"spring.mail.port=3025", "safeguarding.local-mail.enabled=false" })
public @interface SharedApplicationTest {

}
