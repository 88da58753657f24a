package cn.dcjk.common.data.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A page of the feed: the changes the caller may read, and the cursor to ask for the next page with.
 * {@code next} is always given; pass it back as {@code cursor} to continue (also after an empty page).
 */
@Schema(name = "FeedPage", description = "Changes after the cursor, oldest first, and the cursor to continue from")
public record ChangePage(
        @Schema(description = "The changes the caller may read, oldest first") List<Change> changes,
        @Schema(description = "Opaque cursor to pass as `cursor` for the changes after this page") String next,
        @Schema(description = "True when more changes were already available; ask again at once") boolean more) {
}
