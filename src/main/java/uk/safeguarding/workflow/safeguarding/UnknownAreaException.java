package uk.safeguarding.workflow.safeguarding;

/**
 * Thrown when an area code is not in the safeguarding directory.
 */
public class UnknownAreaException extends RuntimeException {

	private final String areaCode;

	public UnknownAreaException(String areaCode) {
		super("Area code '" + areaCode + "' is not in the safeguarding directory. Check the ONS code "
				+ "(England E…, Wales W…) or ask an administrator to add the area.");
		this.areaCode = areaCode;
	}

	/**
	 * The area code that was asked for, as given.
	 * @return the area code
	 */
	public String getAreaCode() {
		return this.areaCode;
	}

}
