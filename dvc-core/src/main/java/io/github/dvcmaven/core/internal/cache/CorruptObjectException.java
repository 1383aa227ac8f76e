package io.github.dvcmaven.core.internal.cache;

import io.github.dvcmaven.core.api.DvcException;

/** Content that does not match the hash it is stored or offered under; nothing was written. */
public class CorruptObjectException extends DvcException {
    public CorruptObjectException(String message) {
        super(message);
    }
}
