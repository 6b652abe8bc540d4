package uk.safeguarding.workflow.safeguarding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The notice templates: plain-text files an administrator can change without a code
 * change. Each {@code <notice>.txt} starts with a {@code Subject:} line, then a blank
 * line, then the body; {@code ${name}} is replaced by the notice's value of that name.
 * Files are read from {@code safeguarding.notices.templates} (for example
 * {@code file:/etc/safeguarding/notices/}) on every notice, so a change applies to the
 * next notice; a file missing there is taken from the defaults shipped in
 * {@code classpath:templates/notices/}. A placeholder with no value is an error, never a
 * blank.
 */
@Component
class NoticeTemplates {

	static final String DEFAULT_LOCATION = "classpath:templates/notices/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

	private final ResourceLoader resources;

	private final String location;

	NoticeTemplates(ResourceLoader resources,
			@Value("${safeguarding.notices.templates:" + DEFAULT_LOCATION + "}") String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	/**
	 * A template filled in.
	 * @param name the template's file name without {@code .txt}
	 * @param values the values of its placeholders
	 * @return the subject line (or {@code null} when the file has none) and the body
	 */
	Filled fill(String name, Map<String, String> values) {
		String text = read(name).replace("\r\n", "\n");
		String subject = null;
		if (text.startsWith("Subject:")) {
			int end = text.indexOf('\n');
			subject = text.substring("Subject:".length(), (end < 0) ? text.length() : end).strip();
			text = (end < 0) ? "" : text.substring(end + 1);
			if (text.startsWith("\n")) {
				text = text.substring(1);
			}
		}
		return new Filled((subject != null) ? substitute(name, subject, values) : null,
				substitute(name, text, values).stripTrailing() + "\n");
	}

	private String read(String name) {
		Resource resource = this.resources.getResource(this.location + name + ".txt");
		if (!resource.exists()) {
			resource = this.resources.getResource(DEFAULT_LOCATION + name + ".txt");
		}
		if (!resource.exists()) {
			throw new IllegalStateException("There is no notice template '" + name + ".txt' in " + this.location
					+ " or in the defaults (property safeguarding.notices.templates)");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the notice template '" + name + ".txt': " + ex.getMessage(),
					ex);
		}
	}

	private static String substitute(String name, String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String key = matcher.group(1);
			if (!values.containsKey(key)) {
				throw new IllegalStateException("The notice template '" + name + ".txt' uses ${" + key
						+ "}, which a notice does not have; the names are " + values.keySet());
			}
			String value = values.get(key);
			matcher.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : ""));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	record Filled(String subject, String body) {
	}

}
