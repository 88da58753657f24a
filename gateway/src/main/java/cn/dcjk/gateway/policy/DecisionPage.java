package cn.dcjk.gateway.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the decision log, newest first, with a bounded count of what the filters match. */
@Schema(description = "A page of the decision log, newest first")
public record DecisionPage(
        List<Decision> items,
        @Schema(description = "The page asked (from 0; pages after `before` count from it)") int page,
        int size,
        @Schema(description = "Decisions matching the filters, counted up to " + DecisionSearch.COUNT_CAP
                + "; when `totalCapped` is true there are more (narrow `from`/`to` for an exact count)") long total,
        @Schema(description = "Whether the count stopped at " + DecisionSearch.COUNT_CAP + ": `total` is then a lower bound")
        boolean totalCapped,
        @Schema(description = "The cursor of the next page (`before=`), also in the `Link` header; null on the last page",
                nullable = true) String next) {
}
