package com.runtothebeats.core.identity;

/** An outside account a runner links to us. */
public enum Provider {
    SPOTIFY("spotify"),
    GOOGLE_HEALTH("google-health");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    /** The id used in URLs and storage keys. */
    public String id() {
        return id;
    }

    public static Provider fromId(String id) {
        for (Provider p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider: " + id);
    }
}
