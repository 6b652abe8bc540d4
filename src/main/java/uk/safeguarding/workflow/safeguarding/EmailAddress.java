package uk.safeguarding.workflow.safeguarding;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The rule for every address in the safeguarding directory, in Bean Validation: Hibernate
 * Validator's {@link Email @Email} (dot-atom local part, labels of a domain), narrowed by
 * its {@code regexp} to what a partner's mail server is sure to route: ASCII only, no
 * quoted local part, no IP-literal domain, a domain of at least two labels ending in a
 * letters-only top-level domain ({@code mash@localhost} is refused). At most 254
 * characters (RFC 5321).
 */
final class EmailAddress {

	/** What {@code @Email} alone accepts and a partner's mail server may not. */
	static final String PLAIN = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,63}";

	// one validator for the application; the interpolator without Jakarta EL, since
	// only whether an address is valid is asked, never the message
	private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	@Email(regexp = PLAIN)
	@Size(max = 254)
	private String value;

	private EmailAddress() {
	}

	/**
	 * Whether a non-empty value is an address the directory accepts.
	 * @param value the value to check
	 * @return {@code true} when it is
	 */
	static boolean isValid(String value) {
		return VALIDATOR.validateValue(EmailAddress.class, "value", value).isEmpty();
	}

}
