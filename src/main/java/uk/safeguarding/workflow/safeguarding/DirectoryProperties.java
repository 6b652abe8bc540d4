package uk.safeguarding.workflow.safeguarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Where the safeguarding directory is loaded from ({@code safeguarding.directory.*}).
 */
@Component
@ConfigurationProperties("safeguarding.directory")
public class DirectoryProperties {

	/**
	 * The location used when {@code safeguarding.directory.location} is not set: the
	 * default directory shipped with the application.
	 */
	public static final String DEFAULT_LOCATION = "classpath:directory/safeguarding-directory.csv";

	/**
	 * Spring resource location of the directory CSV file, for example
	 * {@code file:/etc/safeguarding/directory.csv}.
	 */
	private String location = DEFAULT_LOCATION;

	/**
	 * How often a node asks the database whether the administered directory has changed
	 * (on another node, say) before it uses its copy: at most this long after a change,
	 * every node notifies the changed address. An area code the copy lacks is looked up
	 * at once, whatever the interval.
	 */
	private Duration checkInterval = Duration.ofSeconds(5);

	public Duration getCheckInterval() {
		return this.checkInterval;
	}

	public void setCheckInterval(Duration checkInterval) {
		this.checkInterval = checkInterval;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

}
