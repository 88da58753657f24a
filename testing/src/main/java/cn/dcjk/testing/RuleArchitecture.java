package cn.dcjk.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps, as ArchUnit rules: a rule of the rulebook (a class
 * implementing {@code cn.dcjk.common.rule.Rule}) is plain Java, free of framework, persistence and
 * HTTP types, and named as its RULEBOOK row; a service uses no other service's code. A service's
 * architecture test imports its own classes and checks these.
 */
public final class RuleArchitecture {

    /** The one shape of a rule (commons-web). */
    public static final String RULE = "cn.dcjk.common.rule.Rule";

    /** What a rule must not touch: frameworks, persistence, HTTP, configuration, JSON binding. */
    public static final List<String> FRAMEWORK_PACKAGES = List.of("jakarta..", "javax..", "io.quarkus..",
            "io.vertx..", "io.smallrye..", "io.netty..", "org.hibernate..", "org.eclipse.microprofile..",
            "org.jboss..", "com.fasterxml..", "java.sql..", "java.net.http..", "io.restassured..", "org.postgresql..");

    /** Every service's root package; a service depends on none but its own. */
    public static final List<String> SERVICES = List.of("cn.dcjk.plans", "cn.dcjk.inspections",
            "cn.dcjk.accountability", "cn.dcjk.gateway");

    private RuleArchitecture() {
    }

    static final DescribedPredicate<JavaClass> RULE_CLASSES =
            DescribedPredicate.describe("rules of the rulebook", c -> c.isAssignableTo(RULE) && !c.isInterface());

    /** Rules depend on no framework, persistence or HTTP type. */
    public static ArchRule rulesAreFreeOfFrameworkTypes() {
        return noClasses().that(RULE_CLASSES).should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORK_PACKAGES.toArray(String[]::new))
                .because("a rule judges a context and returns findings, in plain Java (RULEBOOK.md, one shape)");
    }

    /** A service's classes use no other service's code. */
    public static ArchRule servicesAreFreeOfEachOther(String ownPackage) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(ownPackage)).map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(ownPackage + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services talk over HTTP and share only the commons modules");
    }

    /**
     * A concrete rule is named as its RULEBOOK row: the class of NO-MEETING-MONTH is NoMeetingMonth,
     * and it carries that row's descriptor in a public static RULE field.
     */
    public static ArchRule rulesAreNamedAsTheirRulebookRow() {
        return classes().that(RULE_CLASSES).and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should(new ArchCondition<>("be named as the RULEBOOK row of their RULE descriptor") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String name;
                        try {
                            Field f = c.reflect().getField("RULE");
                            if (!Modifier.isStatic(f.getModifiers())) {
                                throw new NoSuchFieldException("RULE is not static");
                            }
                            Object descriptor = f.get(null);
                            name = (String) descriptor.getClass().getMethod("name").invoke(descriptor);
                        } catch (ReflectiveOperationException e) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " has no public static RULE"));
                            return;
                        }
                        String expected = camel(name);
                        boolean ok = c.getSimpleName().equals(expected);
                        events.add(new SimpleConditionEvent(c, ok, c.getName() + " carries " + name
                                + (ok ? "" : " but is not named " + expected)));
                    }
                });
    }

    /** NO-MEETING-MONTH → NoMeetingMonth. */
    public static String camel(String row) {
        return Arrays.stream(row.split("-")).map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    /** Checks all three on a service's imported classes. */
    public static void check(JavaClasses classes, String ownPackage) {
        rulesAreFreeOfFrameworkTypes().check(classes);
        servicesAreFreeOfEachOther(ownPackage).check(classes);
        rulesAreNamedAsTheirRulebookRow().check(classes);
    }
}
