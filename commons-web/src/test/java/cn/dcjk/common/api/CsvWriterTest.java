package cn.dcjk.common.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    enum Light { RED }

    @Test
    void quotesTextNeutralisesFormulasAndLeavesValuesAsTheyAre() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvWriter(out, true).header("a", "b", "c", "d", "e", "f", "g")
                .row("x,\"y\"", "=SUM(A1)", 42L, true, LocalDate.of(2027, 3, 1), Light.RED, null).flush();
        assertEquals("\uFEFFa,b,c,d,e,f,g\r\n\"x,\"\"y\"\"\",\"'=SUM(A1)\",42,true,2027-03-01,RED,\r\n",
                out.toString(StandardCharsets.UTF_8));
        for (String lead : new String[] {"+", "-", "@"}) {
            assertEquals("\"'" + lead + "1\"", CsvWriter.cell(lead + "1"));
        }
        assertEquals("\"\"", CsvWriter.cell(""));
        assertEquals("\"line\nbreak\"", CsvWriter.cell("line\nbreak"));
    }
}
