package cn.dcjk.plans;

import cn.dcjk.testing.RuleArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of this service have the one shape and no framework types; the service uses no other's code. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.dcjk.plans", "cn.dcjk.common.rule");
    }

    @Test
    void thereAreRulesToCheck() {
        // a check over nothing cannot fail: make sure the rules were found
        assertTrue(classes.stream().filter(c -> c.isAssignableTo(RuleArchitecture.RULE) && !c.isInterface()).count() >= 5);
    }

    @Test
    void rulesAreFreeOfFrameworkTypes() {
        RuleArchitecture.rulesAreFreeOfFrameworkTypes().check(classes);
    }

    @Test
    void rulesAreNamedAsTheirRulebookRow() {
        RuleArchitecture.rulesAreNamedAsTheirRulebookRow().check(classes);
    }

    @Test
    void servicesAreFreeOfEachOther() {
        RuleArchitecture.servicesAreFreeOfEachOther("cn.dcjk.plans").check(classes);
    }

    @Test
    void theChecksCatchWhatTheyGuardAgainst() {
        assertFalse(RuleArchitecture.camel("NO-MEETING-MONTH").equals("NoMeetingMonthRule"));
        JavaClasses bad = new ClassFileImporter().importClasses(BadRule.class, MisnamedRule.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> RuleArchitecture.rulesAreFreeOfFrameworkTypes().check(bad));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> RuleArchitecture.rulesAreNamedAsTheirRulebookRow().check(bad));
    }

    /** A rule that reaches for a persistence type: the architecture refuses it. */
    public static final class BadRule implements cn.dcjk.common.rule.Rule<String> {
        public static final cn.dcjk.common.rule.RuleDescriptor RULE = cn.dcjk.common.rule.RuleDescriptor.of(
                "BAD-RULE", java.util.List.of(1), cn.dcjk.common.rule.Severity.ADVISORY, "z", "e");

        @Override
        public cn.dcjk.common.rule.RuleDescriptor descriptor() {
            return RULE;
        }

        @Override
        public java.util.List<cn.dcjk.common.rule.Finding> judge(String context) {
            Class<?> persistence = jakarta.persistence.EntityManager.class;
            return persistence.getSimpleName().isEmpty() ? null : java.util.List.of();
        }
    }

    /** A rule whose class is not named as its row. */
    public static final class MisnamedRule implements cn.dcjk.common.rule.Rule<String> {
        public static final cn.dcjk.common.rule.RuleDescriptor RULE = cn.dcjk.common.rule.RuleDescriptor.of(
                "SOMETHING-ELSE", java.util.List.of(1), cn.dcjk.common.rule.Severity.ADVISORY, "z", "e");

        @Override
        public cn.dcjk.common.rule.RuleDescriptor descriptor() {
            return RULE;
        }

        @Override
        public java.util.List<cn.dcjk.common.rule.Finding> judge(String context) {
            return java.util.List.of();
        }
    }
}
