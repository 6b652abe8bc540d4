package uk.safeguarding.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider for tests: NAV's {@code mock-oauth2-server} with its
 * interactive login page (any user name, optional extra claims), on a free port.
 * <p>
 * It needs the newer Nimbus libraries (oauth2-oidc-sdk 11, nimbus-jose-jwt 10) while the
 * application keeps Spring Security 6.5's own (9.43, 9.37): the build copies the server
 * and its Nimbus jars to {@code target/oidc-provider}, and this class loads them in a
 * class loader of their own, so the application under test runs on exactly the libraries
 * it ships with.
 */
public final class OidcProvider implements AutoCloseable {

	public static final Path JARS = Path.of("target", "oidc-provider");

	private final Object server;

	private OidcProvider(Object server) {
		this.server = server;
	}

	public static OidcProvider start() {
		try {
			ClassLoader loader = new ProviderClassLoader(jars(), OidcProvider.class.getClassLoader());
			Class<?> configType = loader.loadClass("no.nav.security.mock.oauth2.OAuth2Config");
			Object companion = configType.getField("Companion").get(null);
			Object config = companion.getClass()
				.getMethod("fromJson", String.class)
				.invoke(companion, "{\"interactiveLogin\": true}");
			Object server = loader.loadClass("no.nav.security.mock.oauth2.MockOAuth2Server")
				.getConstructor(configType)
				.newInstance(config);
			server.getClass().getMethod("start", int.class).invoke(server, 0);
			return new OidcProvider(server);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not start the OpenID Connect provider from " + JARS
					+ " (run the build's generate-test-resources phase first)", ex);
		}
	}

	/** The issuer URL of one of the provider's issuers (any id works). */
	public String issuer(String issuerId) {
		try {
			return this.server.getClass().getMethod("issuerUrl", String.class).invoke(this.server, issuerId).toString();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.server.getClass().getMethod("shutdown").invoke(this.server);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static URL[] jars() {
		try (Stream<Path> files = Files.list(JARS)) {
			return files.filter((file) -> file.toString().endsWith(".jar")).map((file) -> {
				try {
					return file.toUri().toURL();
				}
				catch (MalformedURLException ex) {
					throw new IllegalStateException(ex);
				}
			}).toArray(URL[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No " + JARS + ": run the build's generate-test-resources phase", ex);
		}
	}

	/**
	 * The server's own classes and its Nimbus libraries from its jars first; everything
	 * else (Kotlin, OkHttp, Jackson, ...) from the test class path.
	 */
	private static final class ProviderClassLoader extends URLClassLoader {

		ProviderClassLoader(URL[] urls, ClassLoader parent) {
			super(urls, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith("no.nav.security.") && !name.startsWith("com.nimbusds.")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = findClass(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

	}

}
