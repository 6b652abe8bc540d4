package uk.safeguarding.workflow.safeguarding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a safeguarding directory file has one or more problems. The message lists
 * every problem as {@code line N: reason}.
 */
public class DirectoryFormatException extends RuntimeException {

	private final List<DirectoryProblem> problems;

	public DirectoryFormatException(List<DirectoryProblem> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Every problem found, in line order.
	 * @return the problems, never empty
	 */
	public List<DirectoryProblem> getProblems() {
		return this.problems;
	}

	private static String message(List<DirectoryProblem> problems) {
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A DirectoryFormatException needs at least one problem");
		}
		String count = (problems.size() == 1) ? "1 problem" : problems.size() + " problems";
		return "The safeguarding directory has " + count + ":\n"
				+ problems.stream().map(DirectoryProblem::toString).collect(Collectors.joining("\n"));
	}

}
