package uk.safeguarding.workflow.safeguarding;

/** Test-only: takes an area out of the running directory (the API never removes one). */
public final class DirectoryTestAccess {

	private DirectoryTestAccess() {
	}

	public static void remove(SafeguardingDirectory directory, String areaCode) {
		directory.replaceAll(directory.all().stream().filter((area) -> !area.areaCode().equals(areaCode)).toList());
	}

}
