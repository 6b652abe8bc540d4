package uk.safeguarding.workflow.safeguarding;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * The safeguarding directory, administered. At start the directory file is loaded (see
 * {@link SafeguardingDirectory}); the first start also stores it in the application
 * database, and from then on the database is the directory, so changes made by
 * administrators survive a restart. Administrators list, add, change and import areas;
 * every change is audited with who, when, and the area before and after. Every area,
 * however it arrives, passes the same checks as the file ({@link DirectoryCsvParser}): a
 * problem is refused with its line number and reason. An import adds and changes the
 * areas in the file and leaves the others as they are; nothing is removed.
 * <p>
 * New cases follow the directory as it is when they open; notices already stored are
 * never sent again because of a change.
 */
@Service
@Transactional
public class DirectoryAdministration {

	private static final Logger log = LoggerFactory.getLogger(DirectoryAdministration.class);

	private final SafeguardingDirectory directory;

	private final DirectoryEntryRepository entries;

	private final DirectoryChangeRepository changes;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	DirectoryAdministration(SafeguardingDirectory directory, DirectoryEntryRepository entries,
			DirectoryChangeRepository changes, ObjectMapper json, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.directory = directory;
		this.entries = entries;
		this.changes = changes;
		this.json = json;
		this.events = events;
		long held = new TransactionTemplate(transactions).execute((status) -> {
			synchronise();
			return changes.latestId();
		});
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		directory.follow(new SafeguardingDirectory.Source() {
			@Override
			public long latestChange() {
				return readOnly.execute((status) -> changes.latestId());
			}

			@Override
			public List<SafeguardingArea> areas() {
				return readOnly.execute((status) -> entries.findAll().stream().map(DirectoryEntry::toArea).toList());
			}
		}, held);
	}

	private void synchronise() {
		if (this.entries.count() == 0) {
			Instant now = JourneyTime.now();
			for (SafeguardingArea area : this.directory.all()) {
				this.entries.save(new DirectoryEntry(area));
			}
			this.changes.save(new DirectoryChange(now, "system", "ALL", "SEED", null,
					this.directory.size() + " areas from the directory file"));
			log.info("Stored the {} areas of the directory file as the administered directory", this.directory.size());
		}
		else {
			this.directory.replaceAll(this.entries.findAll().stream().map(DirectoryEntry::toArea).toList());
			log.info(
					"Using the administered directory from the database ({} areas); the directory file is used "
							+ "only on the first start. Import a file to change many areas at once.",
					this.directory.size());
		}
	}

	@Transactional(readOnly = true)
	public List<SafeguardingArea> list() {
		return this.directory.all();
	}

	/** Adds an area that is not yet in the directory. */
	public SafeguardingArea add(SafeguardingArea area, String userId) {
		SafeguardingArea checked = check(area);
		if (this.directory.find(checked.areaCode()).isPresent()) {
			throw new DirectoryFormatException(List.of(new DirectoryProblem(2,
					"area_code " + checked.areaCode() + " is a duplicate; it is already in the directory")));
		}
		apply(List.of(checked), userId, "ADD", "CHANGE");
		return checked;
	}

	/** Changes an area already in the directory. */
	public SafeguardingArea change(String areaCode, SafeguardingArea area, String userId) {
		SafeguardingArea checked = check(area);
		if (!checked.areaCode().equalsIgnoreCase(areaCode)) {
			throw new DirectoryFormatException(List.of(new DirectoryProblem(2,
					"area_code " + checked.areaCode() + " does not match the area being changed, " + areaCode)));
		}
		this.directory.require(areaCode);
		apply(List.of(checked), userId, "ADD", "CHANGE");
		return checked;
	}

	/**
	 * Imports a directory file: every area in it is added or changed. A file with any
	 * problem changes nothing.
	 * @return how many areas were added, changed and left unchanged
	 */
	public ImportResult importCsv(String csv, String userId) {
		List<SafeguardingArea> areas = new DirectoryCsvParser().parse(new StringReader(csv));
		return apply(areas, userId, "IMPORT_ADD", "IMPORT_CHANGE");
	}

	@Transactional(readOnly = true)
	public List<DirectoryChange> recentChanges() {
		return this.changes.findTop200ByOrderByIdDesc();
	}

	private ImportResult apply(List<SafeguardingArea> areas, String userId, String addAction, String changeAction) {
		Instant now = JourneyTime.now();
		Map<String, SafeguardingArea> current = this.directory.all()
			.stream()
			.collect(Collectors.toMap(SafeguardingArea::areaCode, Function.identity()));
		int added = 0;
		int changed = 0;
		int unchanged = 0;
		for (SafeguardingArea area : areas) {
			SafeguardingArea before = current.get(area.areaCode());
			if (area.equals(before)) {
				unchanged++;
				continue;
			}
			DirectoryEntry entry = this.entries.findById(area.areaCode()).orElse(null);
			if (entry == null) {
				this.entries.save(new DirectoryEntry(area));
			}
			else {
				entry.update(area);
			}
			this.changes.save(new DirectoryChange(now, userId, area.areaCode(),
					(before == null) ? addAction : changeAction, write(before), write(area)));
			current.put(area.areaCode(), area);
			if (before == null) {
				added++;
			}
			else {
				changed++;
			}
		}
		this.directory.replaceAll(new ArrayList<>(current.values()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					// committed: the next check finds the new change and reloads the same
					// areas; rolled back: the copy holds what the database does not
					SafeguardingDirectory held = DirectoryAdministration.this.directory;
					if (status != STATUS_COMMITTED) {
						held.invalidate();
					}
				}
			});
		}
		if (added + changed > 0) {
			// the start form offers the areas as they are now (StartFormAreas)
			this.events.publishEvent(new StartFormAreas.DirectoryChanged());
		}
		log.info("Directory changed by {}: {} added, {} changed, {} unchanged", userId, added, changed, unchanged);
		return new ImportResult(added, changed, unchanged);
	}

	/** Puts one area through the file's checks, as line 2 of a one-area file. */
	private SafeguardingArea check(SafeguardingArea area) {
		String header = DirectoryCsvParser.HEADER + ",webhook_url";
		String row = CSVFormat.RFC4180.format(area.areaCode(), area.areaName(), area.mashEmail(),
				area.adultSafeguardingEmail(), area.ictgService(), area.ictgEmail(), area.devolvedChildDecisions(),
				area.secureEmail(), area.webhookUrl());
		return new DirectoryCsvParser().parse(new StringReader(header + "\n" + row)).get(0);
	}

	private String write(SafeguardingArea area) {
		if (area == null) {
			return null;
		}
		try {
			return this.json.writeValueAsString(area);
		}
		catch (JsonProcessingException ex) {
			return area.toString().toLowerCase(Locale.ROOT);
		}
	}

	/** What an import did. */
	public record ImportResult(int added, int changed, int unchanged) {
	}

}
