package uk.safeguarding.workflow.metrics;

import java.util.Map;

/**
 * The monitored figures at one moment (no personal data: counts only).
 *
 * @param openCasesByPathway open cases by pathway ({@code CHILD}, {@code ADULT},
 * {@code UNKNOWN} before the pathway is decided)
 * @param overdueSteps overdue open steps by step (BPMN user task id) and escalation level
 * (0 not yet escalated, 1 supervisor told, 2 managers told)
 * @param notificationsByStatus stored notifications by delivery status
 * @param openIncidents open engine incidents (a notice that could not be delivered after
 * its retries, or another failed job)
 * @param jobsWithoutRetries jobs whose retries ran out
 */
public record SafeguardingFigures(Map<String, Long> openCasesByPathway, Map<String, Map<Integer, Long>> overdueSteps,
		Map<String, Long> notificationsByStatus, long openIncidents, long jobsWithoutRetries) {

}
