package com.runtothebeats.core.library;

import java.util.Locale;

/** Where a library track's tempo, key and flow features came from; {@link #NONE} when nobody knew the track. */
public enum FeatureSource {
    RECCOBEATS,
    GETSONGBPM,
    NONE;

    /** The name the API and the stores use ({@code "reccobeats"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeatureSource fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
