package dev.greenlight.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The agent runs inside other people's JVMs: it may depend on the JDK and Byte Buddy only. */
class ArchitectureTest {
  private static final JavaClasses AGENT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.greenlight.agent");

  @Test
  void referencesNoOtherGreenlightModuleNorJacksonNorJavalin() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.greenlight.linter..",
            "dev.greenlight.gate..",
            "dev.greenlight.cli..",
            "dev.greenlight.testkit..",
            "com.fasterxml.jackson..",
            "io.javalin..",
            "org.slf4j..",
            "jakarta..",
            "javax.servlet..",
            "org.apache..",
            "org.eclipse..",
            "org.springframework..")
        .check(AGENT);
  }

  @Test
  void onlyTheInstrumentPackageUsesByteBuddy() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.greenlight.agent.instrument..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("net.bytebuddy..")
        .check(AGENT);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.greenlight.agent.(*)..").should().beFreeOfCycles().check(AGENT);
  }
}
