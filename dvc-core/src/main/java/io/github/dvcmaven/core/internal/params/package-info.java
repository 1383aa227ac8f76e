/** Params files as stages depend on them: whole files or tracked keys, read from a directory. */
package io.github.dvcmaven.core.internal.params;
