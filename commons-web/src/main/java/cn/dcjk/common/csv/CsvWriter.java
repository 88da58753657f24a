package cn.dcjk.common.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV writer of the suite, for spreadsheets and machines alike: UTF-8 with a byte order
 * mark (so Excel reads Chinese correctly), RFC 4180 (fields with a comma, quote, CR or LF are
 * quoted, quotes doubled, records end with CRLF), and text that starts like a formula
 * ({@code = + - @}, tab, CR) prefixed with an apostrophe so a spreadsheet shows it instead of running
 * it. Numbers, booleans and dates are written as they are. Rows go straight to the stream: a
 * writer holds one row at a time, whatever the size of the export.
 */
public final class CsvWriter implements Flushable, Closeable {

    static final char BOM = '\uFEFF';
    static final String CRLF = "\r\n";

    private final Writer out;
    private final int columns;
    private long rows;

    /** Starts a file: the byte order mark and the header row. */
    public CsvWriter(OutputStream stream, List<String> header) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        this.columns = header.size();
        try {
            out.write(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(header.toArray());
    }

    /** One record; as many values as the header has columns (null is an empty field). */
    public CsvWriter row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns + " columns");
        }
        write(values);
        rows++;
        return this;
    }

    public CsvWriter row(List<?> values) {
        return row(values.toArray());
    }

    /** How many records (without the header) were written. */
    public long rows() {
        return rows;
    }

    private void write(Object[] values) {
        try {
            for (int k = 0; k < values.length; k++) {
                if (k > 0) {
                    out.write(',');
                }
                out.write(field(values[k]));
            }
            out.write(CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as written: quoted when RFC 4180 asks, text guarded against formulas. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor
                || value instanceof Enum<?>) {
            return value.toString();
        }
        String v = value.toString();
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; the underlying stream stays open (the HTTP layer closes it). */
    @Override
    public void close() {
        flush();
    }

    /** A header from names. */
    public static List<String> header(String... names) {
        return Arrays.asList(names);
    }
}
