package uk.safeguarding.workflow.identity;

import java.util.Set;

/**
 * The people a case record names (reporting officer, investigator, liaison officer,
 * supervisor), for {@link CaseAccess#maySee}: the engine withdraws a case's grants when
 * it ends, the record keeps who was connected. Implemented by the case record's feature,
 * so this package does not depend on it.
 */
public interface CaseRecordPeople {

	/**
	 * @param processInstanceId the case's process instance
	 * @return the people the case's record names; empty when there is no record
	 */
	Set<String> peopleOf(String processInstanceId);

}
