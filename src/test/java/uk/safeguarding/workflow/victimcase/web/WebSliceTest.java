package uk.safeguarding.workflow.victimcase.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Order;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;

import uk.safeguarding.workflow.identity.CaseAccess;
import uk.safeguarding.workflow.oversight.OversightService;
import uk.safeguarding.workflow.safeguarding.DirectoryAdministration;
import uk.safeguarding.workflow.safeguarding.NotificationOutbox;
import uk.safeguarding.workflow.safeguarding.SafeguardingDirectory;
import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.web.CurrentUsers;

/**
 * The product's web layer alone: every controller, the pages' guard and layout
 * ({@code web/ProductPages}, {@code web/LayoutAttributes}) and the Thymeleaf templates,
 * with no engine and no database; the services behind the controllers are Mockito mocks
 * (reset after each test), to be stubbed by the test through {@code @Autowired}.
 * <p>
 * Every slice test carries exactly this annotation, so they share one small context
 * (started in about a second, and before the shared application, see
 * {@code junit-platform.properties}): the context cache holds one context
 * ({@code spring.properties}), and this one holds no engine, so it cannot stand in for
 * another application's.
 * <p>
 * Who is signed in is what the product asks: {@link CurrentUsers} for the pages (the
 * webapps' session login in the application) and
 * {@link IdentityService#getCurrentAuthentication()} for the API (set by the engine's
 * HTTP Basic filter, which is a servlet filter of {@code identity} and so not in the
 * slice).
 * <p>
 * It sits in this package because two of the beans it stands in for, the case page's
 * {@link CasePageView} and {@link CaseActions}, are this package's own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@MockitoBean(types = { CurrentUsers.class, IdentityService.class, ProcessEngine.class, TaskService.class,
		HistoryService.class, RuntimeService.class, PlatformTransactionManager.class, VictimCaseService.class,
		CaseAccess.class, CasePageView.class, CaseActions.class, NotificationOutbox.class, OversightService.class,
		DirectoryAdministration.class, SafeguardingDirectory.class })
@Order(2)
public @interface WebSliceTest {

}
