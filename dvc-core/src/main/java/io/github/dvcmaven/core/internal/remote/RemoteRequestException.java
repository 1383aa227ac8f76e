package io.github.dvcmaven.core.internal.remote;

import java.io.IOException;

/**
 * A request the remote answered with an error status: whether it is worth another attempt follows the
 * AWS SDK's rules (5xx, 408 and throttling are; other 4xx are permanent), and throttling asks for a
 * longer wait.
 */
public class RemoteRequestException extends IOException {
    private final int status;
    private final String code;

    public RemoteRequestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean throttled() {
        return status == 429
                || status == 503
                || "SlowDown".equals(code)
                || "Throttling".equals(code)
                || "ThrottlingException".equals(code)
                || "RequestLimitExceeded".equals(code)
                || "TooManyRequestsException".equals(code);
    }

    public boolean retryable() {
        return status >= 500
                || status == 408
                || throttled()
                || "RequestTimeout".equals(code)
                || "RequestTimeTooSkewed".equals(code);
    }
}
