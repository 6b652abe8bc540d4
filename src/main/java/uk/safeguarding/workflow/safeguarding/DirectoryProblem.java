package uk.safeguarding.workflow.safeguarding;

/**
 * One problem found in a safeguarding directory file.
 *
 * @param lineNumber the 1-based line of the file the problem is on (the header is line 1)
 * @param reason what is wrong, in words an administrator can act on
 */
public record DirectoryProblem(int lineNumber, String reason) {

	@Override
	public String toString() {
		return "line " + this.lineNumber + ": " + this.reason;
	}

}
