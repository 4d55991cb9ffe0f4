package vn.danvan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of ../shared/style/guide.md B1 and B5, checked on every build. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(DanvanApplication.class);
    static final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.danvan");

    @Test
    void modulesOnlyUseEachOthersPublicApiAndAllowedDependencies() {
        modules.verify();
    }

    @Test
    void timeComesFromTheInjectedClockNeverFromNow() {
        noClasses().that().resideInAPackage("vn.danvan..")
                .should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .because("deadline and validity rules must be testable with a fixed Clock")
                .check(classes);
    }

    @Test
    void noModuleUsesJpa() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .because("danvan uses Spring Data JDBC and JdbcClient with readable SQL, not JPA")
                .check(classes);
    }

    @Test
    void controllersDoNotRunSql() {
        noClasses().that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Api")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .because("controllers call a module's facade, which owns its SQL and checks scope")
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
