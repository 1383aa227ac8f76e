/**
 * The library's public surface: everything a JVM application (or the Maven plugin) needs to work with
 * a dvc repository, and nothing else. Everything else in {@code dvc-core} lives under
 * {@code io.github.dvcmaven.core.internal} and may change in any release.
 *
 * <p>{@link io.github.dvcmaven.core.api.Repo} is the entry point. It is opened on a directory inside
 * the repository, runs each operation under the repository lock dvc itself uses, and is closed when
 * done:
 *
 * <pre>{@code
 * try (Repo repo = Repo.open(Path.of("."))) {
 *     StatusReport status = repo.status(StatusOptions.of(List.of()));   // dvc status
 *     if (!status.isClean()) {
 *         DvcRenderer.text(status).forEach(System.out::println);
 *     }
 *     repo.pull(PullOptions.of(SyncOptions.of(List.of("models"))));    // dvc pull models
 * }
 * }</pre>
 *
 * <p>Options are immutable values ({@link io.github.dvcmaven.core.api.RepoOptions},
 * {@link io.github.dvcmaven.core.api.SyncOptions}, ...), results are immutable values, failures are
 * {@link io.github.dvcmaven.core.api.DvcException}s carrying a message and a hint (a command to run),
 * and progress and log lines arrive through a {@link io.github.dvcmaven.core.api.RepoListener}; the
 * library never prints.
 *
 * <p>Results are typed: a stage's changes are {@link io.github.dvcmaven.core.api.StageChange}s, a data
 * difference between two indexes (revisions, stage files, workspace, cache) is a list of
 * {@link io.github.dvcmaven.core.api.DataChange}s. {@link io.github.dvcmaven.core.api.DvcRenderer} is the
 * one place they become dvc's text, {@code --json} or {@code --md}.
 */
package io.github.dvcmaven.core.api;
