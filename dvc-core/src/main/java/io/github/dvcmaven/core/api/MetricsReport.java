package io.github.dvcmaven.core.api;

import java.util.Map;

/**
 * {@code metrics show} for one revision: each metrics file's data (a mapping or a scalar) or its read
 * error.
 *
 * @param rev the revision's name, {@code "workspace"} for the workspace
 * @param data file to its data
 * @param errors file to why it could not be read
 */
public record MetricsReport(String rev, Map<String, Object> data, Map<String, String> errors) implements Report {}
