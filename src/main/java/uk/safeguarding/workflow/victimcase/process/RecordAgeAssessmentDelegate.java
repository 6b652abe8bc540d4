package uk.safeguarding.workflow.victimcase.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.safeguarding.workflow.victimcase.VictimCaseService;
import uk.safeguarding.workflow.process.JourneyTime;

/**
 * {@code ServiceTask_RecordAgeAssessment}: records the local authority's age assessment
 * and sets {@code ageReassessment} ({@code UNCHANGED}, {@code NOW_CHILD},
 * {@code NOW_ADULT}) and the new {@code pathway}.
 */
@Component("recordAgeAssessmentDelegate")
public class RecordAgeAssessmentDelegate implements JavaDelegate {

	private final VictimCaseService cases;

	public RecordAgeAssessmentDelegate(VictimCaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean adult = AgeAssessment.assessedAdult(execution);
		String change = this.cases.recordAgeAssessment(execution.getProcessBusinessKey(), adult, JourneyTime.now());
		AgeAssessment.apply(execution, change);
	}

}
