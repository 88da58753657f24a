package cn.dcjk.common.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem type the suite's code can answer is in the one catalogue, under one absolute base. */
class ProblemCatalogueTest {

    /** The ways the suite's code names a slug: factories, the gateway's refusals, the fallbacks of the mappers. */
    private static final Pattern SLUG = Pattern.compile(
            "(?:new ProblemException\\(\\s*\\d{3},\\s*|conflict\\(\\s*|refuse\\(rc,\\s*\\d{3},\\s*|new Problem\\(\\s*"
                    + "|write\\(rc,\\s*\\d{3},\\s*|Map\\.entry\\(\\s*|super\\(status,\\s*"
                    + "|EnumSet\\.of\\([^)]*\\),\\s*)\"([a-z0-9-]+)\"");

    @Test
    void everySlugUsedInTheSuiteIsCatalogued() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                Matcher m = SLUG.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() >= 30, () -> "the scan found the suite's slugs: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(ProblemCatalogue::has);
        assertEquals(Set.of(), missing, "slugs used but not catalogued");
    }

    @Test
    void typesAreAbsoluteUnderOneBaseAndEveryEntrySaysWhatToDo() {
        assertTrue(ProblemTypes.base().matches("https?://.+/problems/"), ProblemTypes.base());
        for (ProblemCatalogue.Entry e : ProblemCatalogue.all()) {
            assertEquals(ProblemTypes.base() + e.slug(), e.type());
            assertTrue(e.status() >= 400 && e.status() < 600, e.slug());
            assertFalse(e.meaning().isBlank() || e.action().isBlank() || e.titleZh().isBlank(), e.slug());
        }
        assertEquals(ProblemTypes.of("validation"), new Problem("validation", "t", 400, null).type);
        assertEquals("validation", ProblemTypes.slugOf(ProblemTypes.of("validation")));
    }
}
