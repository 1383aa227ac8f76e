package io.github.dvcmaven.core.api;

import java.util.Objects;

/**
 * How {@link DvcRenderer} shows a report: as dvc's text, its {@code --json} or its {@code --md}, with
 * hashes ({@code diff --show-hash}) and a precision for metrics ({@code --precision}).
 *
 * @param format text, JSON or Markdown
 * @param showHash show the hashes of a {@link DataDiff}
 * @param precision decimals metrics are rounded to (dvc's default is 5); params are never rounded
 */
public record RenderOptions(Format format, boolean showHash, int precision) {
    /** dvc's default {@code --precision}. */
    public static final int DEFAULT_PRECISION = 5;

    /** The three outputs dvc's commands have. */
    public enum Format {
        /** dvc's text, as on a terminal. */
        TEXT,
        /** dvc's {@code --json}. */
        JSON,
        /** dvc's {@code --md}. */
        MARKDOWN
    }

    public RenderOptions {
        Objects.requireNonNull(format, "format");
        if (precision < 0) {
            throw new IllegalArgumentException("precision must not be negative: " + precision);
        }
    }

    /** This format, without hashes, with dvc's default precision. */
    public static RenderOptions of(Format format) {
        return new RenderOptions(format, false, DEFAULT_PRECISION);
    }

    /** dvc's text. */
    public static RenderOptions text() {
        return of(Format.TEXT);
    }

    /** dvc's {@code --json}. */
    public static RenderOptions json() {
        return of(Format.JSON);
    }

    /** dvc's {@code --md}. */
    public static RenderOptions markdown() {
        return of(Format.MARKDOWN);
    }

    /** Show hashes ({@code --show-hash}). */
    public RenderOptions withShowHash(boolean show) {
        return new RenderOptions(format, show, precision);
    }

    /** Round metrics to this many decimals ({@code --precision}). */
    public RenderOptions withPrecision(int digits) {
        return new RenderOptions(format, showHash, digits);
    }
}
