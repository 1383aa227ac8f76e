/** Running stages and recording their results: repro, the stage command runner, the run-cache and commit. */
package io.github.dvcmaven.core.internal.run;
