package cn.dcjk.plans.unit.province;

import cn.dcjk.plans.unit.Branch;
import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shandong's whole administrative tree as units of the directory, deterministically: the province,
 * its 16 cities and 136 county-level divisions (GB/T 2260), and per county a realistic number of
 * streets (街道, codes 001–), towns (镇, 101–) and townships (乡, 201–), about 1,800 in all. Each
 * level has its party committee, government, both offices, the discipline commission, the
 * organisation department and its departments; each township its committee, government, joint
 * office, discipline body and offices. Township names are composed (the codes' scheme is the
 * standard's, the names are not the official ones) except those the demo seed already holds.
 * Codes follow the seed: {@code <region>-PC}, {@code -GOV}, {@code -PO}, {@code -GO}, {@code -DIS},
 * {@code -ORG}, {@code -D-<department>}. Parents come before children.
 *
 * <p>Run {@code java -cp plans-service/target/classes cn.dcjk.plans.unit.province.ProvinceTree [--chunks DIR] [region]}
 * to write the tree (or the part under a region code) as the JSON arrays {@code POST /api/v1/units/import} takes.
 */
public final class ProvinceTree {

    public static final String PROVINCE = "370000";

    /** Township names the demo seed already uses, so importing the tree over the seed changes nothing of it. */
    private static final Map<String, Bodies.Name> KNOWN = Map.of(
            "370102001", new Bodies.Name("解放路", "Jiefanglu"),
            "370304101", new Bodies.Name("八陡", "Badou"));

    private final List<UnitInput> out = new ArrayList<>();

    private ProvinceTree() {
    }

    /** The whole tree. */
    public static List<UnitInput> units() {
        return units("");
    }

    /** The units whose region lies under the given region prefix ({@code "3710"}: Weihai and everything in it). */
    public static List<UnitInput> units(String regionPrefix) {
        ProvinceTree t = new ProvinceTree();
        t.province();
        return t.out.stream().filter(u -> u.regionCode().startsWith(regionPrefix)).toList();
    }

    private void province() {
        String r = PROVINCE;
        add(r + "-PC", "中共山东省委", "Shandong Province Party Committee", UnitLevel.PROVINCE, UnitKind.PARTY_COMMITTEE,
                Branch.PARTY, r, null);
        add(r + "-GOV", "山东省人民政府", "Shandong Province Government", UnitLevel.PROVINCE, UnitKind.GOVERNMENT,
                Branch.GOVERNMENT, r, r + "-PC");
        add(r + "-PO", "中共山东省委办公厅", "Shandong Province Party Committee General Office", UnitLevel.PROVINCE,
                UnitKind.PARTY_OFFICE, Branch.PARTY, r, r + "-PC");
        add(r + "-GO", "山东省人民政府办公厅", "Shandong Province Government General Office", UnitLevel.PROVINCE,
                UnitKind.GOVERNMENT_OFFICE, Branch.GOVERNMENT, r, r + "-GOV");
        add(r + "-DIS", "中共山东省纪律检查委员会 山东省监察委员会", "Shandong Province Commission for Discipline Inspection and Supervision",
                UnitLevel.PROVINCE, UnitKind.DISCIPLINE_COMMISSION, Branch.PARTY, r, r + "-PC");
        add(r + "-ORG", "中共山东省委组织部", "Shandong Province Organisation Department", UnitLevel.PROVINCE,
                UnitKind.ORGANIZATION_DEPARTMENT, Branch.PARTY, r, r + "-PC");
        for (Bodies.Department d : Bodies.DEPARTMENTS) {
            boolean party = d.branch() == Branch.PARTY;
            add(r + "-D-" + d.code(), (party ? "中共山东省委" : "山东省") + d.zhProvince(), "Shandong Province " + d.enProvince(),
                    UnitLevel.PROVINCE, UnitKind.DEPARTMENT, d.branch(), r, r + (party ? "-PC" : "-GOV"));
        }
        add(r + "-CB-SAFETY", "山东省安全生产委员会", "Shandong Work Safety Committee", UnitLevel.PROVINCE,
                UnitKind.COORDINATION_BODY, Branch.GOVERNMENT, r, r + "-GOV");
        add(r + "-CB-RURAL", "中共山东省委农村工作领导小组", "Shandong Rural Work Leading Group", UnitLevel.PROVINCE,
                UnitKind.COORDINATION_BODY, Branch.PARTY, r, r + "-PC");
        for (Divisions.City city : Divisions.CITIES) {
            String zh = city.name() + "市";
            level(city.code(), UnitLevel.CITY, zh, city.pinyin(), "办公厅", r + "-PC");
            for (Divisions.County county : city.counties()) {
                boolean district = county.type() == Divisions.Type.DISTRICT;
                String countyZh = (district ? zh : "") + county.fullName();
                String countyEn = county.pinyin() + " " + county.type().en + (district ? ", " + city.pinyin() : "");
                level(county.code(), UnitLevel.COUNTY, countyZh, countyEn, "办公室", city.code() + "-PC");
                townships(county, countyZh);
            }
        }
    }

    /** A city's or county's bodies; {@code zh} is its full Chinese name, {@code en} its English one. */
    private void level(String r, UnitLevel level, String zh, String en, String officeWord, String parentCommittee) {
        String pc = r + "-PC";
        String gov = r + "-GOV";
        add(pc, "中共" + zh + "委", en + " Party Committee", level, UnitKind.PARTY_COMMITTEE, Branch.PARTY, r, parentCommittee);
        add(gov, zh + "人民政府", en + " Government", level, UnitKind.GOVERNMENT, Branch.GOVERNMENT, r, pc);
        add(r + "-PO", "中共" + zh + "委" + officeWord, en + " Party Committee General Office", level, UnitKind.PARTY_OFFICE,
                Branch.PARTY, r, pc);
        add(r + "-GO", zh + "人民政府" + officeWord, en + " Government General Office", level, UnitKind.GOVERNMENT_OFFICE,
                Branch.GOVERNMENT, r, gov);
        add(r + "-DIS", "中共" + zh + "纪律检查委员会 " + zh + "监察委员会",
                en + " Commission for Discipline Inspection and Supervision", level, UnitKind.DISCIPLINE_COMMISSION,
                Branch.PARTY, r, pc);
        add(r + "-ORG", "中共" + zh + "委组织部", en + " Organisation Department", level, UnitKind.ORGANIZATION_DEPARTMENT,
                Branch.PARTY, r, pc);
        for (Bodies.Department d : Bodies.DEPARTMENTS) {
            boolean party = d.branch() == Branch.PARTY;
            add(r + "-D-" + d.code(), party ? "中共" + zh + "委" + d.zhLower() : zh + d.zhLower(), en + " " + d.enLower(),
                    level, UnitKind.DEPARTMENT, d.branch(), r, party ? pc : gov);
        }
        add(r + "-CB-SAFETY", zh + "安全生产委员会", en + " Work Safety Committee", level, UnitKind.COORDINATION_BODY,
                Branch.GOVERNMENT, r, gov);
    }

    private void townships(Divisions.County county, String countyZh) {
        long h = mix(Long.parseLong(county.code()));
        boolean district = county.type() == Divisions.Type.DISTRICT;
        int streets = district ? 5 + (int) (h % 10) : 2 + (int) (h % 4);
        int towns = district ? (int) ((h >>> 8) % 4) : 7 + (int) ((h >>> 8) % 8);
        int xiang = district ? 0 : (int) ((h >>> 16) % 3);
        for (String known : KNOWN.keySet()) {
            if (known.startsWith(county.code())) {
                int n = Integer.parseInt(known.substring(6));
                if (n < 100) {
                    streets = Math.max(streets, n);
                } else if (n < 200) {
                    towns = Math.max(towns, n - 100);
                }
            }
        }
        for (int i = 1; i <= streets; i++) {
            Bodies.Name n = Bodies.STREETS.get((int) ((h + 7L * i) % Bodies.STREETS.size()));
            township(county, countyZh, String.format("%03d", i), n, "街道", "Subdistrict");
        }
        int combos = Bodies.TOWN_HEADS.size() * Bodies.TOWN_TAILS.size();
        for (int i = 1; i <= towns + xiang; i++) {
            int k = (int) ((h + 37L * i) % combos);
            Bodies.Name head = Bodies.TOWN_HEADS.get(k / Bodies.TOWN_TAILS.size());
            Bodies.Name tail = Bodies.TOWN_TAILS.get(k % Bodies.TOWN_TAILS.size());
            Bodies.Name n = new Bodies.Name(head.zh() + tail.zh(), head.pinyin() + tail.pinyin());
            boolean isTown = i <= towns;
            township(county, countyZh, String.valueOf(isTown ? 100 + i : 200 + i - towns), n, isTown ? "镇" : "乡",
                    isTown ? "Town" : "Township");
        }
    }

    private void township(Divisions.County county, String countyZh, String suffix, Bodies.Name generated, String word,
            String wordEn) {
        String r = county.code() + suffix;
        Bodies.Name n = KNOWN.getOrDefault(r, generated);
        boolean street = word.equals("街道");
        String zh = countyZh + n.zh() + word;
        String en = n.pinyin() + " " + wordEn + ", " + county.pinyin();
        String pc = r + "-PC";
        String gov = r + "-GOV";
        add(pc, "中共" + zh + (street ? "工委" : "委员会"), en + " Party Committee", UnitLevel.TOWNSHIP,
                UnitKind.PARTY_COMMITTEE, Branch.PARTY, r, county.code() + "-PC");
        add(gov, zh + (street ? "办事处" : "人民政府"), en + " Government", UnitLevel.TOWNSHIP, UnitKind.GOVERNMENT,
                Branch.GOVERNMENT, r, pc);
        add(r + "-PO", zh + "党政办公室", en + " Party and Government Office", UnitLevel.TOWNSHIP, UnitKind.PARTY_OFFICE,
                Branch.PARTY, r, pc);
        add(r + "-DIS", zh + (street ? "纪工委" : "纪律检查委员会"), en + " Commission for Discipline Inspection and Supervision",
                UnitLevel.TOWNSHIP, UnitKind.DISCIPLINE_COMMISSION, Branch.PARTY, r, pc);
        for (Bodies.Office o : Bodies.TOWNSHIP_OFFICES) {
            add(r + "-D-" + o.code(), zh + o.zh(), en + " " + o.en(), UnitLevel.TOWNSHIP, UnitKind.DEPARTMENT, o.branch(), r,
                    o.branch() == Branch.PARTY ? pc : gov);
        }
    }

    private void add(String code, String name, String nameEn, UnitLevel level, UnitKind kind, Branch branch, String region,
            String parent) {
        out.add(new UnitInput(code, name, nameEn, level, kind, branch, region, parent));
    }

    /** A fixed 64-bit mix (SplitMix64's finaliser), so counts and names depend on the code alone. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /**
     * Writes the tree (or the part under a region prefix) as JSON arrays for {@code POST /api/v1/units/import}:
     * one array on standard output, or with {@code --chunks DIR} files {@code DIR/units-0001.json}, … of at
     * most 1,000 rows each, to be imported in order (parents come first).
     */
    public static void main(String[] args) throws IOException {
        String region = "";
        java.nio.file.Path dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--chunks") && i + 1 < args.length) {
                dir = java.nio.file.Path.of(args[++i]);
            } else {
                region = args[i];
            }
        }
        List<UnitInput> units = units(region);
        if (dir == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(units, w);
            w.flush();
            return;
        }
        java.nio.file.Files.createDirectories(dir);
        for (int from = 0, n = 1; from < units.size(); from += CHUNK, n++) {
            try (Writer w = java.nio.file.Files.newBufferedWriter(dir.resolve(String.format("units-%04d.json", n)),
                    StandardCharsets.UTF_8)) {
                write(units.subList(from, Math.min(units.size(), from + CHUNK)), w);
            }
        }
    }

    /** Rows per file written by {@link #main}. */
    public static final int CHUNK = 1_000;

    static void write(List<UnitInput> units, Writer w) throws IOException {
        w.write("[\n");
        for (int i = 0; i < units.size(); i++) {
            UnitInput u = units.get(i);
            w.write("{\"code\":" + str(u.code()) + ",\"name\":" + str(u.name()) + ",\"nameEn\":" + str(u.nameEn())
                    + ",\"level\":" + str(u.level().name()) + ",\"kind\":" + str(u.kind().name()) + ",\"branch\":"
                    + str(u.branch().name()) + ",\"regionCode\":" + str(u.regionCode()) + ",\"parentCode\":"
                    + str(u.parentCode()) + "}" + (i + 1 < units.size() ? ",\n" : "\n"));
        }
        w.write("]\n");
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
