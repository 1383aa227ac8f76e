/** What differs and from what: stage status against dvc.lock and the .dvc files, data status and diff as differences between data indexes. */
package io.github.dvcmaven.core.internal.status;
