package com.runtothebeats.local.library;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The music providers an import talks to in the local demo: for each of Spotify's API, ReccoBeats and GetSongBPM,
 * a stand-in of ours serving what the public dataset holds, unless its base URL is configured
 * ({@code SPOTIFY_API_BASE_URL}, {@code RECCOBEATS_BASE_URL}, {@code GETSONGBPM_BASE_URL}; plain or as
 * {@code BEATS_ENV_<NAME>}), in which case that one is used and ours does not start. Only the demo starts any: with a
 * Spotify client configured, the configured (or real) providers are used. The demo runner never signs in, so
 * Spotify's accounts service is not called; the import reads with the token our Spotify stand-in was started with
 * ({@code BEATS_DEMO_SPOTIFY_TOKEN}, which may be given for someone else's stand-in).
 */
public final class LocalMusicProviders implements AutoCloseable {

    public static final String DEMO_TOKEN_VARIABLE = "BEATS_DEMO_SPOTIFY_TOKEN";
    static final String LOCAL_GETSONGBPM_KEY = "local-getsongbpm-key";

    private final Map<String, String> environment;
    private final List<AutoCloseable> standIns;
    private final List<String> started;

    private LocalMusicProviders(Map<String, String> environment, List<AutoCloseable> standIns, List<String> started) {
        this.environment = Map.copyOf(environment);
        this.standIns = List.copyOf(standIns);
        this.started = List.copyOf(started);
    }

    /** Nothing started: the configured providers are used as they are. */
    public static LocalMusicProviders none() {
        return new LocalMusicProviders(Map.of(), List.of(), List.of());
    }

    /**
     * Starts the demo's stand-ins for what {@code settings} (the functions' merged provider settings) leaves
     * unconfigured; the dataset is read only when one is needed.
     *
     * @param library the runner's library from the dataset's songs (the demo's, or a bigger one for the benchmark)
     */
    public static LocalMusicProviders startForDemo(Map<String, String> settings, Supplier<DatasetSongs> dataset,
                                                   java.util.function.Function<DatasetSongs, DemoLibrary> library) {
        Map<String, String> environment = new LinkedHashMap<>();
        List<AutoCloseable> standIns = new ArrayList<>();
        List<String> started = new ArrayList<>();
        DatasetSongs songs = null;
        try {
            if (!isSet(settings, "SPOTIFY_API_BASE_URL")) {
                songs = dataset.get();
                String token = isSet(settings, DEMO_TOKEN_VARIABLE) ? settings.get(DEMO_TOKEN_VARIABLE) : newToken();
                SpotifyLibraryStandIn spotify = SpotifyLibraryStandIn.start(library.apply(songs), token, 0);
                standIns.add(spotify);
                started.add("Spotify " + spotify.baseUri());
                environment.put("SPOTIFY_API_BASE_URL", spotify.baseUri().toString());
                environment.put(DEMO_TOKEN_VARIABLE, token);
            }
            if (!isSet(settings, "RECCOBEATS_BASE_URL")) {
                songs = songs == null ? dataset.get() : songs;
                ReccoBeatsStandIn reccoBeats = ReccoBeatsStandIn.start(songs, 0);
                standIns.add(reccoBeats);
                started.add("ReccoBeats " + reccoBeats.baseUri());
                environment.put("RECCOBEATS_BASE_URL", reccoBeats.baseUri().toString());
            }
            if (!isSet(settings, "GETSONGBPM_BASE_URL")) {
                songs = songs == null ? dataset.get() : songs;
                String key = isSet(settings, "GETSONGBPM_API_KEY") ? settings.get("GETSONGBPM_API_KEY") : LOCAL_GETSONGBPM_KEY;
                GetSongBpmStandIn getSongBpm = GetSongBpmStandIn.start(songs, key, 0);
                standIns.add(getSongBpm);
                started.add("GetSongBPM " + getSongBpm.baseUri());
                environment.put("GETSONGBPM_BASE_URL", getSongBpm.baseUri().toString());
                environment.put("GETSONGBPM_API_KEY", key);
            }
        } catch (RuntimeException e) {
            new LocalMusicProviders(environment, standIns, started).close();
            throw e;
        }
        return new LocalMusicProviders(environment, standIns, started);
    }

    /** Variables for every function: the stand-ins' base URLs (and the demo token, the GetSongBPM key). */
    public Map<String, String> environment() {
        return environment;
    }

    /** "Spotify http://127.0.0.1:…" per stand-in started, for serve's banner. */
    public List<String> started() {
        return started;
    }


    private static boolean isSet(Map<String, String> settings, String name) {
        String value = settings.get(name);
        return value != null && !value.isBlank();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "demo-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        for (AutoCloseable standIn : standIns) {
            try {
                standIn.close();
            } catch (Exception e) {
                // closing the others matters more
            }
        }
    }
}
