package com.runtothebeats.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches the public dataset file when none is on this machine: streamed into a temporary file beside the
 * target while its SHA-256 is computed, and moved into place only when the checksum matches, so a failed or
 * corrupt download leaves nothing a later run could mistake for the dataset.
 */
final class DatasetDownload {

    static final String DEFAULT_URL =
            "https://raw.githubusercontent.com/rfordatascience/tidytuesday/master/data/2020/2020-01-21/spotify_songs.csv";
    /** Of the full public file (32,833 rows), as ../shared/data/README.md records it. */
    static final String DEFAULT_SHA256 = "9902920cfe4940f0914ebb6716801a42f7f19ac88fbd6693eaae7e2822b16845";
    static final String URL_VARIABLE = "BEATS_DATASET_URL";
    static final String SHA256_VARIABLE = "BEATS_DATASET_SHA256";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(60);

    private final URI url;
    private final String sha256;
    private final Path target;

    DatasetDownload(URI url, String sha256, Path target) {
        this.url = url;
        this.sha256 = sha256.toLowerCase(Locale.ROOT);
        this.target = target;
    }

    /**
     * The download configured by {@code BEATS_DATASET_URL} (default the TidyTuesday file; set but empty: never
     * download) and {@code BEATS_DATASET_SHA256} (default the public file's checksum), into {@code target}.
     */
    static java.util.Optional<DatasetDownload> configured(Map<String, String> environment, Path target) {
        String url = environment.getOrDefault(URL_VARIABLE, DEFAULT_URL).trim();
        if (url.isEmpty()) {
            return java.util.Optional.empty();
        }
        String sha256 = environment.getOrDefault(SHA256_VARIABLE, "").trim();
        return java.util.Optional.of(new DatasetDownload(URI.create(url), sha256.isEmpty() ? DEFAULT_SHA256 : sha256, target));
    }

    URI url() {
        return url;
    }

    /** Downloads, verifies and moves the file into place; on any failure nothing is left and the message says what to do. */
    Path fetch(PrintStream progress) throws InterruptedException {
        Path directory = target.toAbsolutePath().getParent();
        boolean createdDirectory = !Files.isDirectory(directory);
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
            partial.toFile().deleteOnExit(); // Ctrl-C mid-download leaves no partial file either
            String actual = copyTo(partial, progress);
            if (!actual.equals(sha256)) {
                throw new DatasetUnavailable("The file downloaded from " + url + " has SHA-256 " + actual + ", not the expected "
                        + sha256 + ", so it was not kept. Try again later; if the published file changed on purpose, set "
                        + SHA256_VARIABLE + " to its checksum, or download it yourself and pass --dataset FILE.");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.println("  verified (SHA-256 " + sha256.substring(0, 12) + "…), kept as " + target);
            progress.flush();
            return target;
        } catch (IOException e) {
            throw new DatasetUnavailable("Could not download the dataset from " + url + " (" + describe(e) + "). "
                    + LocalDataset.WHERE_TO_GET);
        } finally {
            deleteQuietly(partial);
            if (createdDirectory && !Files.exists(target)) {
                deleteQuietly(directory);
            }
        }
    }

    private String copyTo(Path partial, PrintStream progress) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(HEADERS_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the server answered HTTP " + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            DownloadProgress bar = new DownloadProgress(progress, target.getFileName().toString(), length, System.console() != null);
            MessageDigest digest = sha256Digest();
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    bar.advance(n);
                }
            }
            bar.done();
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a directory that is not empty stays, with whatever else is in it
        }
    }

    /** The dataset could not be had; the message says what to do instead. */
    static final class DatasetUnavailable extends IllegalStateException {
        DatasetUnavailable(String message) {
            super(message);
        }
    }
}
