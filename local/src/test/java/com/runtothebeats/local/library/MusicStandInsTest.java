package com.runtothebeats.local.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's music stand-ins answer in the documented shapes (docs: external APIs) with data drawn from the real
 * dataset: Spotify's paging with {@code next}, {@code items[].item} on playlist items, metadata only for someone
 * else's playlist; ReccoBeats' 40-id batches matched by {@code href} with unknown ids left out; GetSongBPM's search.
 */
class MusicStandInsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "test-token";

    private static DatasetSongs songs;
    private static DemoLibrary library;
    private static SpotifyLibraryStandIn spotify;
    private static ReccoBeatsStandIn reccoBeats;
    private static GetSongBpmStandIn getSongBpm;

    @BeforeAll
    static void start() {
        Path dataset = Path.of(System.getenv().getOrDefault("BEATS_DATA_DIR", "../../shared/data"), "spotify", "spotify_songs_train.csv");
        assertTrue(Files.isRegularFile(dataset), "the real dataset is needed at " + dataset.toAbsolutePath() + " (set BEATS_DATA_DIR)");
        songs = DatasetSongs.read(dataset);
        library = DemoLibrary.demo(songs);
        spotify = SpotifyLibraryStandIn.start(library, TOKEN, 0);
        reccoBeats = ReccoBeatsStandIn.start(songs, 0);
        getSongBpm = GetSongBpmStandIn.start(songs, "key-1", 0);
    }

    @AfterAll
    static void stop() {
        spotify.close();
        reccoBeats.close();
        getSongBpm.close();
    }

    @Test
    void theDemoLibraryIsDrawnTheSameWayEveryTimeAndHoldsSongsTheDatasetDoesNot() {
        DemoLibrary again = DemoLibrary.demo(songs);
        assertEquals(library, again, "same dataset, same library");
        List<DemoLibrary.Track> tracks = library.playableTracks();
        assertTrue(tracks.size() >= 300 && tracks.size() <= 400, "a few hundred tracks: " + tracks.size());
        long notInDataset = tracks.stream().filter(t -> songs.byId(t.id()).isEmpty()).count();
        assertEquals(tracks.stream().filter(DemoLibrary.Track::otherRelease).count(), notInDataset);
        assertTrue(notInDataset >= 15, "some releases the dataset does not have: " + notInDataset);
        assertEquals(DemoLibrary.DEMO_LIKED_SONGS, library.likedSongs().size());
        assertEquals(2, library.playlists().stream().filter(p -> p.itemsVisible()).count(), "two playlists to read");
    }

    @Test
    void likedSongsComeInPagesOfFiftyLinkedByNext() throws Exception {
        assertEquals(401, get(spotify.baseUri() + "/v1/me/tracks?limit=50", "wrong").statusCode());
        assertEquals(400, get(spotify.baseUri() + "/v1/me/tracks?limit=51", TOKEN).statusCode(), "Spotify's limit is 1–50");
        List<String> ids = new ArrayList<>();
        String next = spotify.baseUri() + "/v1/me/tracks?limit=50";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(get(next, TOKEN));
            assertEquals(DemoLibrary.DEMO_LIKED_SONGS, page.path("total").asInt());
            page.path("items").forEach(item -> {
                assertTrue(item.path("added_at").isTextual());
                ids.add(item.path("track").path("id").asText());
            });
            next = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        }
        assertEquals(5, pages);
        assertEquals(library.likedSongs().stream().map(e -> e.track().id()).toList(), ids, "every Liked Song once, in order");
    }

    @Test
    void playlistItemsAreUnderItemWithEpisodesLocalFilesAndOthersPlaylistsAsSpotifyGivesThem() throws Exception {
        JsonNode playlists = json(get(spotify.baseUri() + "/v1/me/playlists?limit=50", TOKEN));
        assertEquals(3, playlists.path("items").size());
        String me = json(get(spotify.baseUri() + "/v1/me", TOKEN)).path("id").asText();
        Set<String> types = new HashSet<>();
        int localFiles = 0;
        for (JsonNode playlist : playlists.path("items")) {
            assertTrue(playlist.path("items").path("total").isInt(), "2026: items {href,total} where tracks was");
            JsonNode page = json(get(spotify.baseUri() + "/v1/playlists/" + playlist.path("id").asText() + "/items?limit=100", TOKEN));
            boolean readable = me.equals(playlist.path("owner").path("id").asText()) || playlist.path("collaborative").asBoolean();
            assertEquals(readable, page.path("items").isArray(), "someone else's playlist: metadata without items");
            if (!readable) {
                assertEquals(playlist.path("id"), page.path("id"));
                continue;
            }
            for (JsonNode entry : page.path("items")) {
                assertFalse(entry.has("track"), "the 2026 shape has item, not track");
                types.add(entry.path("item").path("type").asText());
                if (entry.path("is_local").asBoolean()) {
                    localFiles++;
                    assertTrue(entry.path("item").path("id").isNull());
                }
            }
        }
        assertEquals(Set.of("track", "episode"), types);
        assertEquals(1, localFiles);
    }

    @Test
    void reccoBeatsReadsFortyIdsMatchedByHrefAndLeavesUnknownOnesOut() throws Exception {
        List<DatasetSongs.Song> known = songs.all().stream().limit(45).toList();
        List<String> ids = new ArrayList<>(known.stream().map(DatasetSongs.Song::spotifyId).toList());
        ids.set(3, "0000000000000000000000");
        JsonNode content = json(get(reccoBeats.baseUri() + "/audio-features?ids=" + String.join(",", ids), null)).path("content");
        Set<String> hrefs = StreamSupport.stream(content.spliterator(), false)
                .map(entry -> entry.path("href").asText().replace("https://open.spotify.com/track/", "")).collect(Collectors.toSet());
        assertEquals(39, content.size(), "the first 40 ids, less the unknown one");
        assertEquals(new HashSet<>(ids.subList(0, 40)).stream().filter(id -> !id.startsWith("0000")).collect(Collectors.toSet()), hrefs);
        JsonNode first = content.get(0);
        assertFalse(first.path("id").asText().equals(ids.get(0)), "ReccoBeats' own id, the Spotify one only in href");
        assertEquals(known.get(0).tempo(), first.path("tempo").asDouble(), 1e-9);
    }

    @Test
    void getSongBpmFindsADatasetSongByTitleAndArtistWithTempoAsAString() throws Exception {
        DatasetSongs.Song song = songs.all().stream().filter(GetSongBpmStandIn::knows).filter(s -> s.key() >= 0).findFirst().orElseThrow();
        String lookup = "song:" + song.name() + " artist:" + song.artist();
        assertEquals(401, get(getSongBpm.baseUri() + "/search/?api_key=other&type=both&lookup=" + encode(lookup), null).statusCode());
        JsonNode search = json(get(getSongBpm.baseUri() + "/search/?api_key=key-1&type=both&lookup=" + encode(lookup), null)).path("search");
        JsonNode first = search.get(0);
        assertEquals(song.name(), first.path("title").asText());
        assertEquals(song.artist(), first.path("artist").path("name").asText());
        assertEquals(String.valueOf(Math.round(song.tempo())), first.path("tempo").asText());
        assertTrue(first.path("open_key").asText().matches("\\d{1,2}[dm]"));
        JsonNode none = json(get(getSongBpm.baseUri() + "/search/?api_key=key-1&type=both&lookup="
                + encode("song:Zzqx Never Recorded artist:Nobody At All"), null)).path("search");
        assertEquals("no result", none.path("error").asText());
    }

    @Test
    void openKeyFollowsTheCircleOfFifthsWithRelativeMinors() {
        assertEquals("1d", GetSongBpmStandIn.openKey(0, 1)); // C major
        assertEquals("1m", GetSongBpmStandIn.openKey(9, 0)); // A minor
        assertEquals("2d", GetSongBpmStandIn.openKey(7, 1)); // G major
        assertEquals("4m", GetSongBpmStandIn.openKey(6, 0)); // F♯ minor
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
