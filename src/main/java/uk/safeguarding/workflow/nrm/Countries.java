package uk.safeguarding.workflow.nrm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Countries by their ISO 3166-1 alpha-2 code and English short name
 * ({@code reference/countries.csv}). A nationality or a country of exploitation is one of
 * these codes, never free text: an anonymous Duty to Notify report cannot carry a name or
 * an address typed into a text box.
 */
public final class Countries {

	private static final Map<String, String> NAMES = load();

	private Countries() {
	}

	public static Set<String> codes() {
		return NAMES.keySet();
	}

	public static boolean isCountry(String code) {
		return code != null && NAMES.containsKey(code);
	}

	public static Optional<String> name(String code) {
		return Optional.ofNullable((code != null) ? NAMES.get(code) : null);
	}

	private static Map<String, String> load() {
		Map<String, String> names = new LinkedHashMap<>();
		try (InputStream in = Countries.class.getResourceAsStream("/reference/countries.csv")) {
			if (in == null) {
				throw new IllegalStateException("reference/countries.csv is missing from the classpath");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			lines.readLine();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				String code = line.substring(0, line.indexOf(','));
				String name = line.substring(line.indexOf(',') + 1);
				names.put(code, name.startsWith("\"") ? name.substring(1, name.length() - 1) : name);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Collections.unmodifiableMap(names);
	}

}
