package com.runtothebeats.core.library;

import java.util.Locale;

/** Where a runner's library stands: never imported, importing, imported, or the last import failed. */
public enum LibraryStatus {
    NONE,
    RUNNING,
    DONE,
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LibraryStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
