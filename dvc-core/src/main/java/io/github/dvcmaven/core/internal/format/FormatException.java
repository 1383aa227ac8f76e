package io.github.dvcmaven.core.internal.format;

import io.github.dvcmaven.core.api.DvcException;

/** A file that cannot be read as the format it should have; names the file and, when known, the line. */
public class FormatException extends DvcException {
    private final String file;
    private final int line;

    public FormatException(String file, int line, String message) {
        this(file, line, message, null);
    }

    public FormatException(String file, int line, String message, Throwable cause) {
        super(location(file, line) + ": " + message, null, cause);
        this.file = file;
        this.line = line;
    }

    private static String location(String file, int line) {
        return line > 0 ? file + ":" + line : file;
    }

    public String file() {
        return file;
    }

    /** 1-based, or 0 when unknown. */
    public int line() {
        return line;
    }
}
