package io.github.dvcmaven.core.api;

import java.util.List;
import java.util.Map;

/** One plot ready to show: a filled Vega-Lite spec, or an image per revision. */
public record RenderedPlot(String id, List<String> revisions, Map<String, Object> spec, List<Image> images) {
    /** An image file of one revision; {@code content} is the file's bytes, not copied (pages embed them once). */
    @SuppressWarnings("ArrayRecordComponent")
    public record Image(String rev, String mimeType, byte[] content) {}

    public RenderedPlot {
        revisions = List.copyOf(revisions);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A Vega-Lite plot of these revisions. */
    public static RenderedPlot vega(String id, List<String> revisions, Map<String, Object> spec) {
        return new RenderedPlot(id, revisions, spec, List.of());
    }

    /** An image plot: one image per revision. */
    public static RenderedPlot images(String id, List<Image> images) {
        return new RenderedPlot(id, images.stream().map(Image::rev).toList(), null, images);
    }

    /** True for an image plot, false for a Vega-Lite one. */
    public boolean isImage() {
        return spec == null;
    }
}
