package uk.safeguarding.workflow.safeguarding;

import java.util.regex.Pattern;
import java.util.Objects;

/**
 * One local authority area in the safeguarding directory: where its safeguarding hub
 * (MASH) and adult safeguarding team are reached, and whether the Independent Child
 * Trafficking Guardian (ICTG) service covers it.
 *
 * @param areaCode ONS (GSS) code of the local authority, {@code E…} for England or
 * {@code W…} for Wales
 * @param areaName name of the local authority
 * @param mashEmail address of the children's safeguarding hub (MASH / front door)
 * @param adultSafeguardingEmail address for adult safeguarding concerns
 * @param ictgService whether the ICTG service covers the area
 * @param ictgEmail ICTG referral address; {@code null} when the area has no ICTG service
 * and none is recorded
 * @param devolvedChildDecisions whether the area is a devolved child decision-making
 * pilot site
 * @param secureEmail whether the area's channels are accredited secure, so that
 * notifications may carry identifying details
 * @param webhookUrl the area's safeguarding hub API, or {@code null}: when set, hub
 * notices (MASH and adult safeguarding) go there as signed JSON instead of by email
 */
public record SafeguardingArea(String areaCode, String areaName, String mashEmail, String adultSafeguardingEmail,
		boolean ictgService, String ictgEmail, boolean devolvedChildDecisions, boolean secureEmail, String webhookUrl) {

	/**
	 * The one area-code rule: an ONS code of a local authority area in England
	 * ({@code E}) or Wales ({@code W}), eight digits after the letter.
	 */
	public static final Pattern AREA_CODE = Pattern.compile("[EW][0-9]{8}");

	/**
	 * Whether a text is an area code ({@link #AREA_CODE}).
	 * @param code the text
	 * @return {@code true} for an ONS code of England or Wales
	 */
	public static boolean isAreaCode(String code) {
		return code != null && AREA_CODE.matcher(code).matches();
	}

	public SafeguardingArea(String areaCode, String areaName, String mashEmail, String adultSafeguardingEmail,
			boolean ictgService, String ictgEmail, boolean devolvedChildDecisions, boolean secureEmail) {
		this(areaCode, areaName, mashEmail, adultSafeguardingEmail, ictgService, ictgEmail, devolvedChildDecisions,
				secureEmail, null);
	}

	public SafeguardingArea {
		Objects.requireNonNull(areaCode, "areaCode");
		Objects.requireNonNull(areaName, "areaName");
		Objects.requireNonNull(mashEmail, "mashEmail");
		Objects.requireNonNull(adultSafeguardingEmail, "adultSafeguardingEmail");
		if (ictgService && ictgEmail == null) {
			throw new IllegalArgumentException("Area " + areaCode + " has an ICTG service but no ICTG email");
		}
	}

	/**
	 * Whether the area is in Wales (ONS code starting {@code W}).
	 * @return {@code true} for a Welsh area
	 */
	public boolean isWales() {
		return this.areaCode.startsWith("W");
	}

}
