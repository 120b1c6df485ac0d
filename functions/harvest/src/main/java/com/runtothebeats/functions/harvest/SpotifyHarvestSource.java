package com.runtothebeats.functions.harvest;

import com.runtothebeats.aws.AwsClients;
import com.runtothebeats.aws.SsmSecureParameters;
import com.runtothebeats.core.catalog.CatalogSource;
import com.runtothebeats.core.time.Pause;
import com.runtothebeats.core.validation.InvalidInputException;
import com.runtothebeats.lambda.LambdaEnvironment;
import com.runtothebeats.providers.reccobeats.ReccoBeatsClient;
import com.runtothebeats.providers.spotify.SpotifyCatalogSource;
import com.runtothebeats.providers.spotify.SpotifyConfiguration;
import com.runtothebeats.providers.spotify.SpotifyPlaylistReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code "spotify"} harvest source: {@code {"type":"spotify","playlists":["<id>" | {"id","genre","subgenre"}, …]}},
 * available when a Spotify app with a client secret is configured (an app token reads public playlists).
 * Features come from ReccoBeats ({@code RECCOBEATS_BASE_URL}).
 */
final class SpotifyHarvestSource {

    static final String TYPE = "spotify";

    private SpotifyHarvestSource() {
    }

    static Optional<Function<Map<String, ?>, CatalogSource>> fromEnvironment(LambdaEnvironment env, AwsClients aws) {
        return SpotifyConfiguration.fromEnvironment(env, name -> new SsmSecureParameters(aws.ssm()).apply(name))
                .filter(spotify -> spotify.app().hasSecret())
                .map(spotify -> {
                    SpotifyPlaylistReader reader = new SpotifyPlaylistReader(spotify.app(), spotify.transport(), Clock.systemUTC(), Pause.SLEEP);
                    ReccoBeatsClient reccoBeats = new ReccoBeatsClient(HttpClient.newHttpClient(),
                            env.get("RECCOBEATS_BASE_URL").map(URI::create).orElse(ReccoBeatsClient.DEFAULT_BASE), Pause.SLEEP);
                    return spec -> new SpotifyCatalogSource(reader, reccoBeats, playlists(spec));
                });
    }

    static List<SpotifyCatalogSource.PlaylistSpec> playlists(Map<String, ?> spec) {
        Object value = spec.get("playlists");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException("source.playlists", "source.playlists lists the Spotify playlist ids to harvest");
        }
        List<SpotifyCatalogSource.PlaylistSpec> playlists = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String id) {
                playlists.add(new SpotifyCatalogSource.PlaylistSpec(id, null, null));
            } else if (item instanceof Map<?, ?> map && map.get("id") instanceof String id) {
                playlists.add(new SpotifyCatalogSource.PlaylistSpec(id, text(map.get("genre")), text(map.get("subgenre"))));
            } else {
                throw new InvalidInputException("source.playlists[" + i + "]", "a playlist id, or {\"id\",\"genre\",\"subgenre\"}");
            }
        }
        return playlists;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
