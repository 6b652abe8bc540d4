package uk.safeguarding.workflow.safeguarding;

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

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

}
