package uk.safeguarding.workflow;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of {@code docs/architecture.md}, checked on the product's classes
 * (not the tests'): a rule broken here is a dependency a reader of that page would not
 * expect. Each rule names the packages it found breaking it.
 */
class PackageBoundariesTest {

	private static final String ROOT = "uk.safeguarding.workflow";

	/** The feature packages: each with its root (public face), process/ and web/. */
	private static final List<String> FEATURES = List.of("victimcase", "safeguarding", "deadlines", "identity", "nrm",
			"oversight", "tasklist", "metrics", "database");

	private static JavaClasses product;

	@BeforeAll
	static void importProduct() {
		product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(ROOT);
	}

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(product);
	}

	@Test
	void processKnowsNoFeature_theFeaturesPlugIntoIt() {
		noClasses().that()
			.resideInAPackage(ROOT + ".process")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(featurePackages(".."))
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".web..", ROOT + ".process.web..")
			.because("process holds the model's names, its gates and the engine plugin; features contribute "
					+ "their listeners as StepListener beans")
			.check(product);
	}

	@Test
	void sharedPageLayer_usesNoFeature_andOnlyTheModelsNamesFromProcess() {
		noClasses().that()
			.resideInAPackage(ROOT + ".web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(featurePackages(".."))
			.orShould()
			.dependOnClassesThat(resideInAPackage(ROOT + ".process..")
				.and(DescribedPredicate.not(simpleNameStartingWith("VictimSafeguardingProcess"))))
			.because("web/ is the layout, sign-in and form tokens every feature's pages share")
			.check(product);
	}

	@Test
	void repositories_areReadOnlyByTheirOwnPackage() {
		for (String feature : FEATURES) {
			noClasses().that(resideOutsideOfPackage(ROOT + "." + feature + ".."))
				.should()
				.dependOnClassesThat(
						resideInAPackage(ROOT + "." + feature + "..").and(simpleNameEndingWith("Repository")))
				.because("packages call each other's services, never each other's repositories")
				.allowEmptyShould(true)
				.check(product);
		}
	}

	@Test
	void aFeaturesEngineSideAndPages_areItsOwn() {
		for (String feature : FEATURES) {
			noClasses().that(resideOutsideOfPackage(ROOT + "." + feature + ".."))
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(ROOT + "." + feature + ".process..", ROOT + "." + feature + ".web..")
				.because("a feature's process/ is what the engine calls and its web/ what the browser calls")
				.allowEmptyShould(true)
				.check(product);
		}
	}

	private static String[] featurePackages(String suffix) {
		return FEATURES.stream().map((feature) -> ROOT + "." + feature + suffix).toArray(String[]::new);
	}

}
