package com.runtothebeats.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.local.library.DatasetSongs;
import com.runtothebeats.local.library.DemoLibrary;
import com.runtothebeats.local.library.GetSongBpmStandIn;
import com.runtothebeats.local.library.ReccoBeatsStandIn;
import com.runtothebeats.local.library.SpotifyLibraryStandIn;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./beats time-import [--liked 2000]}: how long a library import takes end to end through the asynchronous
 * worker, against local stand-ins. It starts the Spotify, ReccoBeats and GetSongBPM stand-ins itself with a library
 * of {@code --liked} Liked Songs (40 pages for 2,000) and the demo's playlists, points the local product at them
 * through the base URLs (so the product starts none of its own), forgets every cached feature, then times
 * {@code POST /api/library/import} until {@code GET /api/library} says done — once cold, once again with the cache
 * warm.
 */
@Command(name = "time-import", mixinStandardHelpOptions = true,
        description = {"Times a library import end to end (POST /api/library/import -> SQS worker -> GET /api/library says done)",
                "against local Spotify, ReccoBeats and GetSongBPM stand-ins: cold (no cached features), then warm.",
                "Use a --state that already has a catalog (e.g. after ./beats serve), else the first start builds it first."})
final class TimeImportCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StackOptions stack;

    @Option(names = "--liked", defaultValue = "2000", description = "Liked Songs in the library (default: ${DEFAULT-VALUE}).")
    int liked;

    @Option(names = {"-d", "--dataset"}, paramLabel = "FILE", description = "Dataset the stand-ins draw from. Default: as ./beats pipeline finds it.")
    Path dataset;

    @Override
    public Integer call() throws Exception {
        Path state = stack.stateDir();
        Files.createDirectories(state);
        // the functions' logs and the stand-ins' banners go to the state's log file; the figures to the terminal
        try (FunctionLogFile logs = FunctionLogFile.divertKeepingStdout(state, false)) {
            return time(logs.terminal(), state);
        }
    }

    private int time(PrintStream out, Path state) throws Exception {
        Map<String, String> environment = System.getenv();
        Path file = LocalDataset.find(Optional.ofNullable(dataset), stack.projectRoot(), environment, out);
        DatasetSongs songs = DatasetSongs.read(file);
        DemoLibrary library = DemoLibrary.draw(songs, liked);
        String token = "time-import-token";
        PrintStream log = new PrintStream(Files.newOutputStream(state.resolve("time-import.log")), true);
        try (SpotifyLibraryStandIn spotify = SpotifyLibraryStandIn.start(library, token, 0);
             ReccoBeatsStandIn reccoBeats = ReccoBeatsStandIn.start(songs, 0);
             GetSongBpmStandIn getSongBpm = GetSongBpmStandIn.start(songs, "time-import-key", 0)) {
            Map<String, String> process = new HashMap<>(environment);
            process.remove("SPOTIFY_CLIENT_ID"); // the demo runner imports; no sign-in
            process.put("BEATS_ENV_SPOTIFY_API_BASE_URL", spotify.baseUri().toString());
            process.put("BEATS_ENV_RECCOBEATS_BASE_URL", reccoBeats.baseUri().toString());
            process.put("BEATS_ENV_GETSONGBPM_BASE_URL", getSongBpm.baseUri().toString());
            process.put("BEATS_ENV_GETSONGBPM_API_KEY", "time-import-key");
            process.put("BEATS_ENV_BEATS_DEMO_SPOTIFY_TOKEN", token);
            out.printf("Library: %d Liked Songs + %d playlists, %d playable tracks (dataset %s)%n", library.likedSongs().size(),
                    library.playlists().size(), library.playableTracks().size(), file);
            try (LocalProduct product = LocalProduct.start(new LocalProduct.Settings(stack.projectRoot(), state, 0, false,
                    Optional.of(file), Optional.empty(), process, out, log))) {
                int forgotten = forgetCachedFeatures(product.stack());
                out.printf("Forgot %d cached features; the product started %d stand-ins of its own.%n", forgotten,
                        product.musicStandIns().size());
                for (String run : new String[] {"cold", "warm"}) {
                    int callsBefore = reccoBeats.calls();
                    int searchesBefore = getSongBpm.searches();
                    long started = System.nanoTime();
                    JsonNode done = importOnce(product.baseUri());
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf("%s import: %.2f s, status %s, %d tracks (%d with tempo), sources %s, %d ReccoBeats calls, %d GetSongBPM searches%n",
                            run, seconds, done.path("status").asText(), done.path("tracks").asInt(), done.path("withTempo").asInt(),
                            done.path("sources"), reccoBeats.calls() - callsBefore, getSongBpm.searches() - searchesBefore);
                    if (!"done".equals(done.path("status").asText())) {
                        out.println("the import did not finish: " + done + " (see " + state.resolve("time-import.log") + ")");
                        return 1;
                    }
                }
            }
        }
        return 0;
    }

    /** Removes every {@code features#…} item of the tracks table, so the cold run looks every track up. */
    private static int forgetCachedFeatures(LocalStack stack) {
        String table = stack.tableName("TracksTable");
        int[] count = {0};
        stack.dynamoClient().scanPaginator(scan -> scan.tableName(table).projectionExpression("trackId")
                        .filterExpression("begins_with(trackId, :f)").expressionAttributeValues(Map.of(":f", AttributeValue.fromS("features#"))))
                .items().forEach(item -> {
                    stack.dynamoClient().deleteItem(delete -> delete.tableName(table).key(Map.of("trackId", item.get("trackId"))));
                    count[0]++;
                });
        return count[0];
    }

    private static JsonNode importOnce(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/library/import"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Cookie", com.runtothebeats.lambda.session.CsrfTokens.COOKIE + "=timing").header("X-CSRF-Token", "timing")
                .build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /api/library/import answered " + started.statusCode() + ": " + started.body());
        }
        while (true) {
            Thread.sleep(50);
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/library")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (!"running".equals(state.path("status").asText())) {
                return state;
            }
        }
    }
}
