package cn.dcjk.common.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The suite's one CSV writer (RFC 4180, UTF-8, CRLF), streaming row by row so an export of any
 * length holds one row in memory. Text cells are always quoted, and a leading {@code = + - @} is
 * neutralised with an apostrophe so a spreadsheet does not run the cell as a formula; numbers,
 * booleans, dates and enum constants are written as they are.
 */
public final class CsvWriter {

    private final Writer out;

    /** {@code bom}: start with a byte-order mark, which spreadsheet programs need to read UTF-8. */
    public CsvWriter(OutputStream stream, boolean bom) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            write("\uFEFF");
        }
    }

    /** A header row: names are written as they are. */
    public CsvWriter header(String... names) {
        write(String.join(",", names));
        write("\r\n");
        return this;
    }

    public CsvWriter row(Object... cells) {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i]));
        }
        write(b.append("\r\n").toString());
        return this;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell: empty for null, text quoted and neutralised, anything else as its string. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof String s)) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
