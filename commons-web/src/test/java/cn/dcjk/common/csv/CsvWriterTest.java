package cn.dcjk.common.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvWriterTest {

    @Test
    void utf8WithBomCrlfAndRfc4180Quoting() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, List.of("a", "b", "c"))) {
            csv.row("济南市生态环境局", "a,b", "say \"hi\"");
            csv.row("two\nlines", null, 7);
            csv.row("=SUM(A1)", -5, LocalDate.of(2026, 3, 1));
        }
        byte[] out = bytes.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(out, 3));
        String text = new String(out, 3, out.length - 3, StandardCharsets.UTF_8);
        assertEquals("a,b,c\r\n济南市生态环境局,\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,7\r\n'=SUM(A1),-5,2026-03-01\r\n",
                text);
    }

    @Test
    void formulaLikeTextIsShownNotRun() {
        for (String s : new String[] {"=1+1", "+1", "-1", "@cmd", "\tx", "\rx"}) {
            assertTrue(CsvWriter.field(s).replace("\"", "").startsWith("'"), s);
        }
        assertEquals("-1", CsvWriter.field(-1));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        CsvWriter csv = new CsvWriter(new ByteArrayOutputStream(), List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> csv.row("only one"));
    }

    /** Generative: any text survives a round trip through an RFC 4180 reader. */
    @Test
    void anyTextRoundTrips() {
        Random random = new Random(42);
        String alphabet = "ab,\"\r\n 中文;'=";
        for (int n = 0; n < 500; n++) {
            List<String> values = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                StringBuilder b = new StringBuilder("x");
                for (int len = random.nextInt(8); len > 0; len--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(b.toString());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new CsvWriter(bytes, List.of("a", "b", "c")).row(values).close();
            String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8).substring(1);
            List<List<String>> records = parse(text);
            assertEquals(List.of(List.of("a", "b", "c"), values), records, text);
        }
    }

    @Test
    void rowsGoToTheStreamAsTheyAreWritten() {
        long[] written = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }
        };
        CsvWriter csv = new CsvWriter(counting, List.of("n", "text"));
        for (int k = 0; k < 200_000; k++) {
            csv.row(k, "第" + k + "行");
        }
        assertTrue(written[0] > 3_000_000, "most of it already left the writer's buffer: " + written[0]);
        csv.close();
        assertEquals(200_000, csv.rows());
    }

    /** A strict RFC 4180 reader (CRLF records, quoted fields may hold anything). */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
            i++;
        }
        return records;
    }
}
