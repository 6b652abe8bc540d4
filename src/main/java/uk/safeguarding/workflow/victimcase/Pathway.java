package uk.safeguarding.workflow.victimcase;

/**
 * The safeguarding pathway the pathway decision table chose (stored by name in
 * {@code victim_case.pathway}): a child, or a person presumed a child, is referred
 * without consent; an adult only with informed consent.
 */
public enum Pathway {

	CHILD, ADULT

}
