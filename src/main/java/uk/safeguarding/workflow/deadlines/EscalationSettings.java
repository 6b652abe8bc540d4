package uk.safeguarding.workflow.deadlines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the second escalation level reaches, under {@code safeguarding.escalation.*}.
 * <p>
 * {@code manager-areas}: a manager (user id) listed here is told only about the cases of
 * the areas (ONS codes) listed for them; a manager not listed is told about every area,
 * as before. When no manager covers a case's area, every manager is told: an overdue step
 * never reaches nobody.
 */
@ConfigurationProperties("safeguarding.escalation")
public class EscalationSettings {

	private Map<String, List<String>> managerAreas = new LinkedHashMap<>();

	public Map<String, List<String>> getManagerAreas() {
		return this.managerAreas;
	}

	public void setManagerAreas(Map<String, List<String>> managerAreas) {
		this.managerAreas = (managerAreas != null) ? managerAreas : new LinkedHashMap<>();
	}

	/**
	 * Of {@code managers}, those who cover {@code areaCode}; all of them if none does.
	 */
	public List<String> managersFor(List<String> managers, String areaCode) {
		List<String> covering = managers.stream().filter((manager) -> covers(manager, areaCode)).toList();
		return covering.isEmpty() ? managers : covering;
	}

	private boolean covers(String manager, String areaCode) {
		List<String> areas = this.managerAreas.get(manager);
		if (areas == null || areas.isEmpty()) {
			return true;
		}
		return areaCode != null && Set.copyOf(areas.stream().map(String::strip).toList()).contains(areaCode);
	}

}
