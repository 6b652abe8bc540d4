package uk.safeguarding.workflow.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The guard of the product's own pages (everything Spring MVC serves except the REST API
 * {@code /api}, the actuator, the sign-in page, the error page and the stylesheets):
 * <ul>
 * <li>a person not signed in is sent to the sign-in page and back from every page a
 * controller answers (with single sign-on, Spring Security has already sent them to the
 * provider);</li>
 * <li>every change (POST and the like) must carry the session's {@link FormTokens form
 * token}, or is refused with 403 and nothing changes;</li>
 * <li>pages get a strict Content Security Policy: scripts, styles and images only from
 * the product itself, nothing inline.</li>
 * </ul>
 * Controllers take the signed-in person as a {@link CurrentUser} parameter.
 */
@Configuration(proxyBeanMethods = false)
class ProductPages implements WebMvcConfigurer {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
			+ "object-src 'none'";

	/**
	 * Open without signing in; every other path Spring MVC serves needs a signed-in
	 * person.
	 */
	static final List<String> OPEN = List.of("/", "/signin", "/error", "/error/**", "/govuk/**", "/api/**",
			"/actuator/**", "/directory.html", "/favicon.ico");

	static final String USER_ATTRIBUTE = CurrentUser.class.getName();

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final CurrentUsers users;

	ProductPages(CurrentUsers users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ContentSecurityPolicy()).addPathPatterns("/**").excludePathPatterns("/api/**");
		registry.addInterceptor(new SignInRequired()).addPathPatterns("/**").excludePathPatterns(OPEN);
		registry.addInterceptor(new FormTokenRequired()).addPathPatterns("/**").excludePathPatterns("/api/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CurrentUserResolver());
	}

	/**
	 * The signed-in person of this request (null on an open page with nobody signed in).
	 */
	static CurrentUser current(HttpServletRequest request, CurrentUsers users) {
		Object known = request.getAttribute(USER_ATTRIBUTE);
		if (known instanceof CurrentUser user) {
			return user;
		}
		CurrentUser user = users.of(request).orElse(null);
		if (user != null) {
			request.setAttribute(USER_ATTRIBUTE, user);
		}
		return user;
	}

	private static final class ContentSecurityPolicy implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			return true;
		}

	}

	private final class SignInRequired implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws IOException {
			// only pages (controller methods) need a login: a path nothing answers stays
			// a
			// plain 404, and the stylesheets are public
			if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod)
					|| current(request, ProductPages.this.users) != null) {
				return true;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String back = (request.getQueryString() != null) ? path + "?" + request.getQueryString() : path;
			response.sendRedirect(request.getContextPath() + "/signin?next="
					+ URLEncoder.encode(SignInController.safeNext(back), StandardCharsets.UTF_8));
			return false;
		}

	}

	private static final class FormTokenRequired implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws IOException {
			if (request.getDispatcherType() != DispatcherType.REQUEST || SAFE_METHODS.contains(request.getMethod())
					|| FormTokens.isValid(request)) {
				return true;
			}
			response.sendError(HttpServletResponse.SC_FORBIDDEN,
					"The form has expired or did not come from this service: open the page again and resubmit.");
			return false;
		}

	}

	private final class CurrentUserResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return CurrentUser.class.equals(parameter.getParameterType());
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			CurrentUser user = current(webRequest.getNativeRequest(HttpServletRequest.class), ProductPages.this.users);
			if (user == null) {
				// only reachable on an open path: the guard above signs everyone else in
				throw new org.springframework.web.server.ResponseStatusException(
						org.springframework.http.HttpStatus.UNAUTHORIZED);
			}
			return user;
		}

	}

}
