package uk.safeguarding.workflow.safeguarding;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The safeguarding directory: for each local authority area (by ONS code), where
 * safeguarding notices and ICTG referrals go.
 * <p>
 * Loaded when the application starts, from the Spring resource at
 * {@code safeguarding.directory.location} (by default the directory shipped with the
 * application). A file that cannot be read or has any problem stops the application, with
 * every problem listed. Lookups are safe from any thread.
 * <p>
 * Once the administered directory is in the database ({@link DirectoryAdministration}),
 * this copy follows it: before a lookup, at most every
 * {@code safeguarding.directory.check-interval}, it asks for the latest change and
 * reloads when another node (or a rolled-back change on this one) has made it differ; a
 * code it does not know is looked up at once. So every node routes notices by the same
 * directory.
 */
@Service
public class SafeguardingDirectory {

	private static final Logger logger = LoggerFactory.getLogger(SafeguardingDirectory.class);

	private static final Comparator<SafeguardingArea> BY_NAME = Comparator
		.comparing((SafeguardingArea area) -> area.areaName().toLowerCase(Locale.ROOT))
		.thenComparing(SafeguardingArea::areaCode);

	/**
	 * Replaced as a whole, never changed in place, so readers always see one consistent
	 * copy.
	 */
	private volatile Snapshot snapshot;

	private final long checkIntervalNanos;

	/** The administered directory, once it is followed. */
	private volatile Source source;

	/** The latest change of the administered directory this copy holds. */
	private volatile long heldChange = UNKNOWN;

	private volatile long checkedAt;

	private static final long UNKNOWN = Long.MIN_VALUE;

	public SafeguardingDirectory(ResourceLoader resourceLoader, DirectoryProperties properties) {
		this.checkIntervalNanos = properties.getCheckInterval().toNanos();
		String location = properties.getLocation();
		replaceAll(load(resourceLoader, location));
		logger.info("Loaded {} areas into the safeguarding directory from {}", size(), location);
	}

	/**
	 * Finds an area by its ONS code. Surrounding spaces and letter case are ignored.
	 * @param areaCode the ONS code, for example {@code W06000015}
	 * @return the area, or empty when the code is not in the directory
	 */
	public Optional<SafeguardingArea> find(String areaCode) {
		if (areaCode == null) {
			return Optional.empty();
		}
		String code = normalise(areaCode);
		SafeguardingArea area = current().byCode().get(code);
		if (area == null && this.source != null) {
			// added on another node a moment ago? (a miss is rare: ask now)
			area = refresh(true).byCode().get(code);
		}
		return Optional.ofNullable(area);
	}

	/**
	 * Returns the area with the given ONS code.
	 * @param areaCode the ONS code, for example {@code W06000015}
	 * @return the area
	 * @throws UnknownAreaException when the code is not in the directory
	 */
	public SafeguardingArea require(String areaCode) {
		return find(areaCode).orElseThrow(() -> new UnknownAreaException(areaCode));
	}

	/**
	 * Every area, sorted by name.
	 * @return an unmodifiable list of the areas
	 */
	public List<SafeguardingArea> all() {
		return current().byName();
	}

	/**
	 * The number of areas in the directory.
	 * @return the number of areas
	 */
	public int size() {
		return current().byName().size();
	}

	/**
	 * Replaces the whole directory at once. Lookups already under way see either the old
	 * or the new directory, never a mixture.
	 * @param areas the new areas, with no area code twice
	 * @throws IllegalArgumentException when an area code appears twice
	 */
	synchronized void replaceAll(List<SafeguardingArea> areas) {
		Map<String, SafeguardingArea> byCode = new HashMap<>();
		for (SafeguardingArea area : areas) {
			if (byCode.putIfAbsent(area.areaCode(), area) != null) {
				throw new IllegalArgumentException("Area code " + area.areaCode() + " appears more than once");
			}
		}
		this.snapshot = new Snapshot(Map.copyOf(byCode), areas.stream().sorted(BY_NAME).toList());
	}

	/**
	 * From now on, follows the administered directory.
	 * @param administered where it is kept
	 * @param change the latest change of it that this copy holds now
	 */
	void follow(Source administered, long change) {
		this.heldChange = change;
		this.checkedAt = System.nanoTime();
		this.source = administered;
	}

	/** The copy no longer matches the database (a change was rolled back): reload. */
	void invalidate() {
		this.heldChange = UNKNOWN;
		this.checkedAt = System.nanoTime() - this.checkIntervalNanos - 1;
	}

	private Snapshot current() {
		if (this.source != null && System.nanoTime() - this.checkedAt > this.checkIntervalNanos) {
			return refresh(false);
		}
		return this.snapshot;
	}

	private synchronized Snapshot refresh(boolean now) {
		Source administered = this.source;
		if (administered == null || (!now && System.nanoTime() - this.checkedAt <= this.checkIntervalNanos)) {
			return this.snapshot;
		}
		long latest = administered.latestChange();
		this.checkedAt = System.nanoTime();
		if (latest != this.heldChange) {
			replaceAll(administered.areas());
			this.heldChange = latest;
			logger.info("Reloaded the safeguarding directory from the database ({} areas, change {})", size(), latest);
		}
		return this.snapshot;
	}

	/** The administered directory, as this copy reads it. */
	interface Source {

		/** The id of the latest change, or 0 when there is none. */
		long latestChange();

		List<SafeguardingArea> areas();

	}

	private static List<SafeguardingArea> load(ResourceLoader resourceLoader, String location) {
		String source = "Could not load the safeguarding directory from '" + location
				+ "' (property safeguarding.directory.location)";
		if (location == null || location.isBlank()) {
			throw new IllegalStateException(source + ": no location is set");
		}
		Resource resource = resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException(source + ": there is no file at that location");
		}
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return new DirectoryCsvParser().parse(reader);
		}
		catch (DirectoryFormatException ex) {
			throw new IllegalStateException(source + ". " + ex.getMessage(), ex);
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalStateException(source + ": " + ex.getMessage(), ex);
		}
	}

	private static String normalise(String areaCode) {
		return areaCode.trim().toUpperCase(Locale.ROOT);
	}

	private record Snapshot(Map<String, SafeguardingArea> byCode, List<SafeguardingArea> byName) {
	}

}
