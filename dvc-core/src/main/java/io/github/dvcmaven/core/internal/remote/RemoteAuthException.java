package io.github.dvcmaven.core.internal.remote;

import java.io.IOException;

/** The remote refused our credentials: retrying cannot help. */
public class RemoteAuthException extends IOException {
    public RemoteAuthException(String message) {
        super(message);
    }
}
