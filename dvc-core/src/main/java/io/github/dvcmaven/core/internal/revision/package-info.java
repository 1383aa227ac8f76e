/** Git revisions read without a checkout: a revision's stage files and params, metrics and plots files, materialised for an operation to read. */
package io.github.dvcmaven.core.internal.revision;
