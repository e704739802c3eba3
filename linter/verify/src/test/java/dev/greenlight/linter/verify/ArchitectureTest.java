package dev.greenlight.linter.verify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** verify's packages stay a one-way tree: the orchestrator on top, concerns below. */
class ArchitectureTest {
  /** The module's own compiled classes (scanning the whole classpath is slow and not needed). */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(
              Path.of(
                  Verifier.class.getProtectionDomain().getCodeSource().getLocation().getPath()));

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.greenlight.linter.verify.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void concernsDoNotReachBackIntoTheOrchestrator() {
    noClasses()
        .that()
        .resideInAPackage("dev.greenlight.linter.verify.*..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.greenlight.linter.verify")
        .check(CLASSES);
  }

  @Test
  void observationAndSeedingKnowNothingOfReportsOrTheCli() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.greenlight.linter.verify.observe..",
            "dev.greenlight.linter.verify.seed..",
            "dev.greenlight.linter.verify.apply..",
            "dev.greenlight.linter.verify.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.greenlight.linter.report..",
            "dev.greenlight.linter.engine..",
            "dev.greenlight.cli..")
        .check(CLASSES);
  }
}
