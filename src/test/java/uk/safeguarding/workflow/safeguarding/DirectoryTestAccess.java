package uk.safeguarding.workflow.safeguarding;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-only: takes an area out of the directory (the API never removes one), in the
 * database as a directory restored without it would, and so on every node.
 */
public final class DirectoryTestAccess {

	private DirectoryTestAccess() {
	}

	public static void remove(JdbcTemplate jdbc, SafeguardingDirectory directory, String areaCode) {
		jdbc.update("DELETE FROM directory_area WHERE area_code = ?", areaCode);
		directory.invalidate();
	}

}
