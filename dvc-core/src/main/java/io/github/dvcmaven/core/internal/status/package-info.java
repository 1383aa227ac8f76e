/** What differs and from what: stage status against dvc.lock and the .dvc files, data status and diff as differences between data indexes, and the parameter values they compare. */
package io.github.dvcmaven.core.internal.status;
