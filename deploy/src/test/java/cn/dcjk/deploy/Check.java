package cn.dcjk.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A named check of rendered manifests. Each broken variant in the tests is caught by one of these, by name. */
public interface Check {

    String name();

    List<Violation> run(Manifests manifests);

    /** A check from its name and a body that reports through {@link Findings}. */
    static Check of(String name, BiConsumer<Manifests, Findings> body) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Violation> run(Manifests manifests) {
                Findings findings = new Findings(name);
                body.accept(manifests, findings);
                return findings.list;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Collects the violations of one check. */
    final class Findings {
        private final String check;
        final List<Violation> list = new ArrayList<>();

        Findings(String check) {
            this.check = check;
        }

        void fail(String object, String format, Object... args) {
            list.add(new Violation(check, object, String.format(format, args)));
        }

        /** Fails unless the condition holds. */
        void require(boolean condition, String object, String format, Object... args) {
            if (!condition) {
                fail(object, format, args);
            }
        }
    }
}
