package cn.dcjk.testing;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture every service keeps ({@link RuleArchitecture}), checked on the service's own
 * classes and the commons' rules: rules have the one shape, are named as their RULEBOOK row and
 * import no framework types; the service uses no other service's code. A service's test class
 * extends this and names its root package:
 * {@code class ArchitectureTest extends ServiceArchitectureTest { ArchitectureTest() { super("cn.dcjk.plans"); } }}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String ownPackage;
    private final int ownRules;
    private JavaClasses classes;

    /** A service with its own rulebook: at least three rules of its own are expected. */
    protected ServiceArchitectureTest(String ownPackage) {
        this(ownPackage, 3);
    }

    /** @param ownRules how many rules of its own the service has at least (the gateway judges commons' rules only) */
    protected ServiceArchitectureTest(String ownPackage, int ownRules) {
        this.ownPackage = ownPackage;
        this.ownRules = ownRules;
    }

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ownPackage, "cn.dcjk.common");
    }

    @Test
    void thereAreRulesToCheck() {
        // a check over nothing cannot fail: make sure the rules were found, the service's and the commons'
        long own = classes.stream().filter(c -> c.isAssignableTo(RuleArchitecture.RULE) && !c.isInterface()
                && c.getPackageName().startsWith(ownPackage)).count();
        assertTrue(own >= ownRules, ownPackage + " has " + own + " rules");
        assertTrue(classes.stream().anyMatch(c -> c.getName().equals("cn.dcjk.common.channel.NoDirectDemand")),
                "the commons' rules are checked too");
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
        RuleArchitecture.servicesAreFreeOfEachOther(ownPackage).check(classes);
    }

    @Test
    void theChecksCatchWhatTheyGuardAgainst() {
        assertEquals("NoMeetingMonth", RuleArchitecture.camel("NO-MEETING-MONTH"));
        JavaClasses bad = new ClassFileImporter().importClasses(BadRule.class, MisnamedRule.class);
        assertThrows(AssertionError.class, () -> RuleArchitecture.rulesAreFreeOfFrameworkTypes().check(bad));
        assertThrows(AssertionError.class, () -> RuleArchitecture.rulesAreNamedAsTheirRulebookRow().check(bad));
    }

    /** A rule that reaches for a persistence type: the architecture refuses it. */
    public static final class BadRule implements Rule<String> {
        public static final RuleDescriptor RULE = RuleDescriptor.of("BAD-RULE", List.of(1), Severity.ADVISORY, "z", "e");

        @Override
        public RuleDescriptor descriptor() {
            return RULE;
        }

        @Override
        public List<Finding> judge(String context) {
            Class<?> persistence = java.sql.Connection.class;
            return persistence.getSimpleName().isEmpty() ? null : List.of();
        }
    }

    /** A rule whose class is not named as its row. */
    public static final class MisnamedRule implements Rule<String> {
        public static final RuleDescriptor RULE = RuleDescriptor.of("SOMETHING-ELSE", List.of(1), Severity.ADVISORY,
                "z", "e");

        @Override
        public RuleDescriptor descriptor() {
            return RULE;
        }

        @Override
        public List<Finding> judge(String context) {
            return List.of();
        }
    }
}
