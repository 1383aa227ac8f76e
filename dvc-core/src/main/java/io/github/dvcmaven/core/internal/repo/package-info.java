/** The repository an operation works on: its immutable {@link io.github.dvcmaven.core.internal.repo.RepoContext} (root, config, cache, state, git, lock), the index of its stage files, and how targets name stages and outputs. */
package io.github.dvcmaven.core.internal.repo;
