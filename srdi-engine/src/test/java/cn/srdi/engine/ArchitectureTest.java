package cn.srdi.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays framework-free so the app, the CLI and the Spark job grade alike (ADR 0002). */
@AnalyzeClasses(packages = "cn.srdi.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_engine_depends_on_no_framework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "org.apache.spark..", "picocli..",
                    "org.hibernate..", "com.fasterxml.jackson.databind..", "tools.jackson.databind..");

    @ArchTest
    static final ArchRule grading_does_not_depend_on_input_output = noClasses().that().resideInAPackage("..engine.grading..")
            .should().dependOnClassesThat().resideInAnyPackage("..engine.io..", "..engine.output..", "..engine.synth..");

    @ArchTest
    static final ArchRule the_model_depends_on_nothing_of_the_engine_but_reference_data = noClasses().that().resideInAPackage("..engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("..engine.grading..", "..engine.rules..", "..engine.io..", "..engine.output..");
}
