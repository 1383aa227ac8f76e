package io.github.dvcmaven.core.internal.py;

/**
 * A scalar whose text is kept exactly as it was read (timestamps, and floats whose spelling dvc's
 * round-trip loader would preserve, such as {@code 1.0e-05}); written back plain and unchanged.
 */
public record RawScalar(String text, Object value) {
    @Override
    public String toString() {
        return text;
    }
}
