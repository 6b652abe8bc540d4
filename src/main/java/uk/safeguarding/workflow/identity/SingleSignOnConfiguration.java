package uk.safeguarding.workflow.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on through the force's OpenID Connect provider (authorization code flow),
 * on only when a client registration is configured
 * ({@code spring.security.oauth2.client.registration.*}, which the {@code sso} profile
 * sets from the environment). Without one, Spring Security is not in the request path at
 * all (its auto-configurations are excluded in {@code application.yaml}) and the product
 * behaves exactly as with passwords only.
 * <p>
 * With it:
 * <ul>
 * <li>every page (the webapps, the product's pages) needs a login through the provider;
 * the webapps' API answers 401 instead of redirecting; open are only
 * {@code /actuator/health}, the error page and the sign-in endpoints;</li>
 * <li>the signed-in person is the Camunda user named by the configured user-name claim
 * ({@code preferred_username} unless set otherwise); their groups and so the engine's
 * authorizations come from Camunda's identity service. A person the force has not
 * provisioned there is refused (403); no account is ever created from a token;</li>
 * <li>the webapps log that user in through Camunda's
 * {@code ContainerBasedAuthenticationFilter}; their password login is refused, their CSRF
 * filter stays on, and their "Log out" ends the whole session;</li>
 * <li>the engine REST API keeps HTTP Basic only (machine clients); the product's API
 * accepts the signed-in person (with a CSRF token for changes) or HTTP Basic;</li>
 * <li>{@code POST /logout} ends the session and the provider's session (RP-initiated
 * logout).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableWebSecurity
class SingleSignOnConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnConfiguration.class);

	static final String NOT_PROVISIONED = "not_provisioned";

	/** The product's pages send this header with the token from the cookie below. */
	static final String CSRF_HEADER = "X-SAFEGUARDING-XSRF-TOKEN";

	/** Not the webapps' {@code XSRF-TOKEN}: the two CSRF guards must not meet. */
	static final String CSRF_COOKIE = "SAFEGUARDING-XSRF-TOKEN";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/**
	 * Spring Security's filter chain, ahead of the product's authentication filters
	 * (order 1 and later) so that they can see who signed in.
	 */
	@Bean
	DelegatingFilterProxyRegistrationBean springSecurityFilterChainRegistration() {
		DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
				AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	SecurityFilterChain singleSignOnFilterChain(HttpSecurity http, IdentityService identity,
			ClientRegistrationRepository registrations) throws Exception {
		RequestMatcher webappApi = PATHS.matcher("/camunda/api/**");
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// after signing in, return to the page asked for, never to an API call
		requestCache.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && !webappApi.matches(request)
				&& !PATHS.matcher("/api/**").matches(request));
		OidcClientInitiatedLogoutSuccessHandler endProviderSession = new OidcClientInitiatedLogoutSuccessHandler(
				registrations);
		endProviderSession.setPostLogoutRedirectUri("{baseUrl}/");
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/error"))
					.permitAll()
					// Camunda's authentication filters decide: HTTP Basic, or on /api the
					// person
					// signed in here
					.requestMatchers(PATHS.matcher("/engine-rest/**"), PATHS.matcher("/api/**"))
					.permitAll()
					// with single sign-on nobody logs into the webapps with a Camunda
					// password
					.requestMatchers(PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*"))
					.denyAll()
					.anyRequest()
					.authenticated())
			.oauth2Login(
					(login) -> login.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(provisionedOnly(identity)))
						.failureHandler(SingleSignOnConfiguration::refused))
			.logout((logout) -> logout.logoutSuccessHandler(endProviderSession))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(SingleSignOnConfiguration::needsCsrfToken))
			.addFilterAfter(new CsrfCookieForSignedInUsers(), CsrfFilter.class)
			// the product's own header filters answer for every response, as without
			// single sign-on
			.headers((headers) -> headers.disable());
		return http.build();
	}

	/** The webapps log in the person signed in here, as their Camunda user. */
	@Bean
	FilterRegistrationBean<Filter> webappSingleSignOnFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setName("webapp-single-sign-on");
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SingleSignOnWebappAuthenticationProvider.class.getName());
		// after Spring Security's chain, before the webapps' own authentication filter
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * The product's API: the person signed in here, or HTTP Basic (the engine REST API
	 * keeps HTTP Basic only, in {@link WebSecurityConfiguration}).
	 */
	@Bean
	FilterRegistrationBean<Filter> productApiAuthenticationFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("api-authentication");
		registration.addUrlPatterns("/api/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SingleSignOnOrHttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> webappLogoutEndsSession() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new WebappLogoutEndsSession());
		registration.setName("webapp-logout-ends-session");
		registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
		registration.setOrder(4);
		return registration;
	}

	/**
	 * Only people the force has provisioned in Camunda sign in; the token names them, the
	 * identity service says who they are.
	 */
	static OAuth2UserService<OidcUserRequest, OidcUser> provisionedOnly(IdentityService identity) {
		OidcUserService delegate = new OidcUserService();
		return (request) -> {
			OidcUser user;
			try {
				user = delegate.loadUser(request);
			}
			catch (IllegalArgumentException noUserNameClaim) {
				throw new OAuth2AuthenticationException(new OAuth2Error(NOT_PROVISIONED),
						"The provider's token has no user-name claim", noUserNameClaim);
			}
			if (!SingleSignOnUser.isProvisioned(identity, user.getName())) {
				log.warn("Single sign-on refused: no Camunda user '{}' (issuer {})", user.getName(),
						request.getClientRegistration().getProviderDetails().getIssuerUri());
				throw new OAuth2AuthenticationException(new OAuth2Error(NOT_PROVISIONED),
						"No Camunda user for the signed-in person");
			}
			return user;
		};
	}

	private static void refused(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (failure instanceof OAuth2AuthenticationException oauth2
				&& NOT_PROVISIONED.equals(oauth2.getError().getErrorCode())) {
			ErrorResponses.send(response, HttpServletResponse.SC_FORBIDDEN, "NotProvisioned",
					"You signed in, but this service has no account for you. Ask an administrator to create it.");
		}
		else {
			ErrorResponses.send(response, HttpServletResponse.SC_UNAUTHORIZED, "SignInFailed",
					"Signing in through the identity provider failed. Try again from the start page.");
		}
	}

	private static CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieName(CSRF_COOKIE);
		tokens.setHeaderName(CSRF_HEADER);
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").path("/"));
		return tokens;
	}

	/**
	 * Changes through the product's API made with the browser's session, and
	 * {@code /logout}. The webapps' API has its own CSRF filter; HTTP Basic calls carry
	 * their credentials in each request.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/logout") || (path.startsWith("/api/") && request.getHeader("Authorization") == null);
	}

	/** Hands the signed-in browser its CSRF token (a cookie the product's pages read). */
	private static final class CsrfCookieForSignedInUsers extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
				jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
			if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken) {
				CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				if (token != null) {
					token.getToken();
				}
			}
			chain.doFilter(request, response);
		}

	}

}
