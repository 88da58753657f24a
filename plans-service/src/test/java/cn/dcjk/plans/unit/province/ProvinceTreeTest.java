package cn.dcjk.plans.unit.province;

import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvinceTreeTest {

    static final List<UnitInput> TREE = ProvinceTree.units();

    static Set<String> regions(UnitLevel level) {
        return TREE.stream().filter(u -> u.level() == level).map(UnitInput::regionCode).collect(Collectors.toSet());
    }

    @Test
    void sixteenCitiesAndOneHundredThirtySixCountyLevelDivisions() {
        assertEquals(Set.of("370000"), regions(UnitLevel.PROVINCE));
        assertEquals(16, regions(UnitLevel.CITY).size());
        assertEquals(136, regions(UnitLevel.COUNTY).size());
        assertTrue(regions(UnitLevel.CITY).contains("370100") && regions(UnitLevel.CITY).contains("371700"));
        assertTrue(!regions(UnitLevel.CITY).contains("371200"), "Laiwu (371200) merged into Jinan in 2019");
        long districts = Divisions.CITIES.stream().flatMap(c -> c.counties().stream())
                .filter(c -> c.type() == Divisions.Type.DISTRICT).count();
        assertEquals(58, districts);
    }

    @Test
    void aboutEighteenHundredTownshipsAndTensOfThousandsOfUnits() {
        int townships = regions(UnitLevel.TOWNSHIP).size();
        assertTrue(townships >= 1_700 && townships <= 1_950, "townships: " + townships);
        assertTrue(TREE.size() > 20_000, "units: " + TREE.size());
        // every county has streets or towns
        Map<String, Long> perCounty = regions(UnitLevel.TOWNSHIP).stream()
                .collect(Collectors.groupingBy(r -> r.substring(0, 6), Collectors.counting()));
        assertEquals(regions(UnitLevel.COUNTY), perCounty.keySet());
    }

    @Test
    void everyLevelHasItsStandardBodies() {
        Map<String, Set<UnitKind>> kinds = new HashMap<>();
        for (UnitInput u : TREE) {
            kinds.computeIfAbsent(u.regionCode(), k -> new HashSet<>()).add(u.kind());
        }
        Set<UnitKind> standard = Set.of(UnitKind.PARTY_COMMITTEE, UnitKind.GOVERNMENT, UnitKind.PARTY_OFFICE,
                UnitKind.GOVERNMENT_OFFICE, UnitKind.DISCIPLINE_COMMISSION, UnitKind.ORGANIZATION_DEPARTMENT,
                UnitKind.DEPARTMENT);
        for (String r : regions(UnitLevel.COUNTY)) {
            assertTrue(kinds.get(r).containsAll(standard), r + ": " + kinds.get(r));
        }
        long countyDepartments = TREE.stream().filter(u -> u.regionCode().equals("370102") && u.kind() == UnitKind.DEPARTMENT)
                .count();
        assertTrue(countyDepartments >= 24, "dozens of departments: " + countyDepartments);
        for (String r : regions(UnitLevel.TOWNSHIP)) {
            assertTrue(kinds.get(r).containsAll(Set.of(UnitKind.PARTY_COMMITTEE, UnitKind.GOVERNMENT,
                    UnitKind.PARTY_OFFICE, UnitKind.DISCIPLINE_COMMISSION)), r);
        }
    }

    @Test
    void codesAreUniqueAndParentsComeFirstWithTheirRegionAroundTheChild() {
        Map<String, UnitInput> seen = new HashMap<>();
        for (UnitInput u : TREE) {
            assertTrue(seen.put(u.code(), u) == null, "duplicate " + u.code());
            assertTrue(u.code().matches("[0-9A-Z][0-9A-Z-]{2,39}"), u.code());
            assertTrue(u.name().length() <= 200 && u.nameEn().length() <= 200, u.code());
            if (u.parentCode() == null) {
                assertEquals("370000-PC", u.code());
                continue;
            }
            UnitInput parent = seen.get(u.parentCode());
            assertNotNull(parent, u.code() + " before its parent " + u.parentCode());
            assertTrue(RegionCode.within(u.regionCode(), parent.regionCode()), u.code());
            assertTrue(parent.level().ordinal() <= u.level().ordinal(), u.code());
        }
    }

    @Test
    void deterministicAndSliceable() {
        assertEquals(TREE, ProvinceTree.units());
        List<UnitInput> weihai = ProvinceTree.units("3710");
        assertTrue(weihai.stream().allMatch(u -> u.regionCode().startsWith("3710")));
        assertEquals(TREE.stream().filter(u -> u.regionCode().startsWith("3710")).toList(), weihai);
    }

    @Test
    void theCommandWritesAJsonArray() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            ProvinceTree.main(new String[] {"371002001"});
        } finally {
            System.setOut(out);
        }
        List<?> rows = new com.fasterxml.jackson.databind.ObjectMapper().readValue(buffer.toByteArray(), List.class);
        assertEquals(ProvinceTree.units("371002001").size(), rows.size());
        assertEquals("371002001-PC", ((Map<?, ?>) rows.get(0)).get("code"));
    }

    @Test
    void theCommandWritesChunksInOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ProvinceTree.main(new String[] {"--chunks", dir.toString(), "3710"});
        List<UnitInput> weihai = ProvinceTree.units("3710");
        int files = (weihai.size() + ProvinceTree.CHUNK - 1) / ProvinceTree.CHUNK;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Object> codes = new java.util.ArrayList<>();
        for (int n = 1; n <= files; n++) {
            List<?> rows = json.readValue(dir.resolve(String.format("units-%04d.json", n)).toFile(), List.class);
            rows.forEach(r -> codes.add(((Map<?, ?>) r).get("code")));
        }
        assertEquals(weihai.stream().map(UnitInput::code).toList(), codes);
        assertTrue(!java.nio.file.Files.exists(dir.resolve(String.format("units-%04d.json", files + 1))));
    }
}
