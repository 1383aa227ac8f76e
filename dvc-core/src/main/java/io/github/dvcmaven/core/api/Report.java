package io.github.dvcmaven.core.api;

/**
 * A result dvc prints: {@link DvcRenderer} turns each into dvc's text, {@code --json} or {@code --md}
 * output.
 */
public sealed interface Report
        permits CheckoutResult,
                CloudStatus,
                DataDiff,
                DataStatus,
                DiffReport,
                MetricsReport,
                RepoListing,
                StatusReport {}
