package com.runtothebeats.local.library;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.runtothebeats.local.library.DatasetSongs.Song;
import com.runtothebeats.local.library.JsonStandInServer.Answer;
import com.runtothebeats.local.library.JsonStandInServer.Request;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GetSongBPM's {@code GET /search/?api_key=…&type=both&lookup=song:<title> artist:<artist>} (docs: external APIs):
 * {@code {"search":[{"id","title","uri","artist":{"name",…},"album":{…},"tempo":"128","time_sig":"4/4","key_of":"F♯m",
 * "open_key":"4m"}]}}, tempo as a string, {@code {"search":{"error":"no result"}}} when nothing matches; a wrong or
 * missing key is 401. Like the real search it is loose: it answers every song whose title contains the one asked for
 * by an artist that matches, and songs of the same title by other artists after them, so a client must pick the right
 * one. It knows the public dataset's songs, except a fixed quarter of them (as GetSongBPM lacks many), by their
 * dataset title and first artist.
 */
public final class GetSongBpmStandIn implements AutoCloseable {

    private static final int MAX_RESULTS = 10;
    private static final String[] PITCH_NAMES = {"C", "D♭", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B"};

    /** A known song with its title and artist as the search compares them (normalised once, not per search). */
    private record Indexed(Song song, String title, String artist) {
    }

    private final List<Indexed> known;
    private final String apiKey;
    private final JsonStandInServer server;
    private final AtomicInteger searches = new AtomicInteger();

    private GetSongBpmStandIn(DatasetSongs songs, String apiKey, int port) {
        this.known = songs.all().stream().filter(GetSongBpmStandIn::knows)
                .map(song -> new Indexed(song, normalised(song.name()), normalised(song.artist()))).toList();
        this.apiKey = apiKey;
        this.server = JsonStandInServer.start("getsongbpm-stand-in", port, Map.of("/search", this::search));
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port), answering requests that carry {@code apiKey}. */
    public static GetSongBpmStandIn start(DatasetSongs songs, String apiKey, int port) {
        return new GetSongBpmStandIn(songs, apiKey, port);
    }

    /** Whether the stand-in knows a dataset song: three in four, fixed by the Spotify id. */
    static boolean knows(Song song) {
        return Math.floorMod(song.spotifyId().hashCode(), 4) != 0;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public int searches() {
        return searches.get();
    }

    private Answer search(Request request) {
        if (!apiKey.equals(request.query().get("api_key"))) {
            ObjectNode body = JsonStandInServer.JSON.createObjectNode().put("error", "Invalid or missing API key");
            return new Answer(401, body, Map.of());
        }
        String lookup = request.query().getOrDefault("lookup", "");
        int artistAt = lookup.lastIndexOf("artist:");
        if (!"both".equals(request.query().get("type")) || !lookup.startsWith("song:") || artistAt < 0) {
            return Answer.error(400, "type=both needs lookup=song:<title> artist:<artist>");
        }
        searches.incrementAndGet();
        String title = normalised(lookup.substring("song:".length(), artistAt));
        String artist = normalised(lookup.substring(artistAt + "artist:".length()));
        List<Song> found = new ArrayList<>();
        List<Song> sameTitleOtherArtist = new ArrayList<>();
        for (Indexed song : known) {
            if (title.isEmpty() || !song.title().contains(title)) {
                continue;
            }
            boolean artistMatches = !artist.isEmpty() && (song.artist().contains(artist) || artist.contains(song.artist()));
            (artistMatches ? found : sameTitleOtherArtist).add(song.song());
        }
        found.addAll(sameTitleOtherArtist);
        ObjectNode body = JsonStandInServer.JSON.createObjectNode();
        if (found.isEmpty()) {
            body.putObject("search").put("error", "no result");
            return Answer.ok(body);
        }
        ArrayNode results = body.putArray("search");
        found.stream().limit(MAX_RESULTS).map(GetSongBpmStandIn::result).forEach(results::add);
        return Answer.ok(body);
    }

    private static ObjectNode result(Song song) {
        String id = DemoLibrary.spotifyId("getsongbpm:" + song.spotifyId()).substring(0, 6);
        ObjectNode node = JsonStandInServer.JSON.createObjectNode();
        node.put("id", id).put("title", song.name()).put("uri", "https://getsongbpm.com/song/" + slug(song.name()) + "/" + id);
        String artistId = DemoLibrary.spotifyId("getsongbpm-artist:" + song.artist()).substring(0, 4);
        ObjectNode artist = node.putObject("artist");
        artist.put("id", artistId).put("name", song.artist()).put("uri", "https://getsongbpm.com/artist/" + slug(song.artist()) + "/" + artistId);
        artist.putArray("genres").add(song.genre());
        node.putObject("album").put("title", song.albumName())
                .put("year", song.releaseDate().length() >= 4 ? song.releaseDate().substring(0, 4) : "");
        node.put("tempo", String.valueOf(Math.round(song.tempo()))).put("time_sig", "4/4");
        if (song.key() >= 0 && song.key() < 12) { // -1: no key was detected
            node.put("key_of", PITCH_NAMES[song.key()] + (song.mode() == 0 ? "m" : "")).put("open_key", openKey(song.key(), song.mode()));
        }
        return node;
    }

    /** Open Key notation: 1d = C major, each number a fifth up; "m" is the relative minor of the same number. */
    static String openKey(int pitchClass, int mode) {
        int major = mode == 0 ? (pitchClass + 3) % 12 : pitchClass;
        return ((7 * major) % 12 + 1) + (mode == 0 ? "m" : "d");
    }

    /** Lower case, accents dropped, punctuation to single spaces: how the search compares. */
    static String normalised(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").trim();
    }

    private static String slug(String text) {
        return normalised(text).replace(' ', '-');
    }

    @Override
    public void close() {
        server.close();
    }
}
