package org.p1powermeter.app;

import org.p1powermeter.app.config.ConfigException;

/** The command line is wrong (unknown flag, missing argument …). The app prints the message, a hint and exits 2. */
public final class UsageException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public UsageException(String problem) {
        super(problem);
    }
}
