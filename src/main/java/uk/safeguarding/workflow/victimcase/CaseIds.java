package uk.safeguarding.workflow.victimcase;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The case records' ids by reference, remembered: the listeners and notice jobs of every
 * step look their case up by reference several times per step (completion, the next
 * step's notices, delivery), and a look-up by reference is a query that Hibernate
 * translates anew each time (Spring Data's derived query: 4-5% of a journey's time in the
 * benchmark's profile), where a look-up by id is answered from the transaction's
 * persistence context when the record is already there, and is otherwise a primary-key
 * read. A reference never changes and an id is never reused; a remembered id whose record
 * has gone (retention) or holds another reference is forgotten and the case looked up by
 * reference again, so the answer is always the database's. Bounded: the least recently
 * used beyond {@value #SIZE} are forgotten.
 */
@Component
class CaseIds {

	static final int SIZE = 10_000;

	private final VictimCaseRepository cases;

	private final Map<String, Long> ids = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > SIZE;
		}

	};

	CaseIds(VictimCaseRepository cases) {
		this.cases = cases;
	}

	/** The case record of this reference, as {@code findByReference} would give it. */
	Optional<VictimCase> find(String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		Long id = remembered(reference);
		if (id != null) {
			Optional<VictimCase> found = this.cases.findById(id);
			if (found.isPresent() && reference.equals(found.get().getReference())) {
				return found;
			}
			forget(reference);
		}
		Optional<VictimCase> found = this.cases.findByReference(reference);
		found.filter((record) -> record.getId() != null).ifPresent((record) -> remember(reference, record.getId()));
		return found;
	}

	private synchronized Long remembered(String reference) {
		return this.ids.get(reference);
	}

	private synchronized void remember(String reference, Long id) {
		this.ids.put(reference, id);
	}

	private synchronized void forget(String reference) {
		this.ids.remove(reference);
	}

}
