/** The workspace's outputs: hashing and committing them, linking them from the cache, and the operations that change them (add, checkout, remove, unprotect). */
package io.github.dvcmaven.core.internal.workspace;
