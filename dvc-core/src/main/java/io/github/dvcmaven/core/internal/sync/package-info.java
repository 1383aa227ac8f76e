/** Objects between the cache and the remotes: push, fetch, cloud status, and gc of what nothing uses. */
package io.github.dvcmaven.core.internal.sync;
