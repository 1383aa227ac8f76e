package io.github.dvcmaven.core.api;

import io.github.dvcmaven.core.internal.metrics.MetricValues;

/** One metric's or param's values in two revisions (null: absent there) and their difference, when both are numbers. */
public record Change(Object oldValue, Object newValue, Object diff) {
    /** The change from {@code oldValue} to {@code newValue}, with their difference when both are numbers. */
    public static Change of(Object oldValue, Object newValue) {
        Object d = MetricValues.isNumber(oldValue) && MetricValues.isNumber(newValue)
                ? MetricValues.subtract(newValue, oldValue)
                : null;
        return new Change(oldValue, newValue, d);
    }
}
