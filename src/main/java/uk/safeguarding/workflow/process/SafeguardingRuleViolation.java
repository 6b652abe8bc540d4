package uk.safeguarding.workflow.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A hard gate or a validation rule refused what a person (or a REST client) submitted.
 * The message says what to change; it never repeats a submitted value, so no personal
 * data reaches a log or a REST response. Nothing submitted with the refused step is kept:
 * the transaction rolls back.
 */
public class SafeguardingRuleViolation extends FormFieldValidationException {

	private final String field;

	public SafeguardingRuleViolation(String field, String message) {
		super(field, message);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
