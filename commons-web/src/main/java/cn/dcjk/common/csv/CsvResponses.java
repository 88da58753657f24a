package cn.dcjk.common.csv;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.List;
import java.util.function.Consumer;

/**
 * CSV answers, streamed: the rows are produced while the body is written (the producer reads its
 * data page by page), so an export of any size holds one page in memory.
 */
public final class CsvResponses {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private CsvResponses() {
    }

    /** A 200 with a CSV attachment named {@code filename}, its rows written by {@code rows}. */
    public static Response attachment(String filename, List<String> header, Consumer<CsvWriter> rows) {
        StreamingOutput body = stream -> {
            CsvWriter csv = new CsvWriter(stream, header);
            rows.accept(csv);
            csv.close();
        };
        return Response.ok(body, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
