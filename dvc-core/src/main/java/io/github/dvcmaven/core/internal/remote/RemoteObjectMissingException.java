package io.github.dvcmaven.core.internal.remote;

import java.io.IOException;

/** The object is not on the remote. */
public class RemoteObjectMissingException extends IOException {
    public RemoteObjectMissingException(String key) {
        super("not on the remote: " + key);
    }
}
