package com.runtothebeats.functions.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages and static files shipped inside the function (classpath {@code web/}), read once per
 * container. Pages are fragments placed into {@code web/layout.html}; {@code {{asset:/static/x}}}
 * placeholders become versioned URLs so static files can be cached for a year and still change on deploy.
 */
final class BundledAssets {

    private static final String ROOT = "web/";
    /** Static file names we serve: no dot-dot, no hidden files, no odd characters. */
    private static final Pattern SAFE_STATIC_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Pattern ASSET_PLACEHOLDER = Pattern.compile("\\{\\{asset:/static/([^}]+)}}");

    private final ClassLoader classLoader;
    private final Map<String, Optional<Asset>> staticFiles = new ConcurrentHashMap<>();
    private final Map<String, Asset> pages = new ConcurrentHashMap<>();

    BundledAssets(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** A file under {@code /static/}, by its path below that folder. */
    Optional<Asset> staticFile(String path) {
        if (!SAFE_STATIC_PATH.matcher(path).matches() || ContentTypes.forName(path) == null) {
            return Optional.empty();
        }
        return staticFiles.computeIfAbsent(path, p -> read(ROOT + "static/" + p)
                .map(bytes -> asset(bytes, ContentTypes.forName(p))));
    }

    /** A whole page: the layout with the page's title, name and main content filled in. */
    Asset page(Page page) {
        return pages.computeIfAbsent(page.fileName(), name -> asset(render(page), "text/html; charset=utf-8"));
    }

    private byte[] render(Page page) {
        String layout = text("layout.html");
        String main = text("pages/" + page.fileName() + ".html");
        String html = layout
                .replace("{{title}}", page.title())
                .replace("{{page}}", page.fileName())
                .replace("{{main}}", main);
        Matcher matcher = ASSET_PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String path = matcher.group(1);
            Asset asset = staticFile(path).orElseThrow(
                    () -> new IllegalStateException("page " + page.fileName() + " refers to missing /static/" + path));
            matcher.appendReplacement(out, Matcher.quoteReplacement("/static/" + path + "?v=" + asset.version()));
        }
        matcher.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String text(String name) {
        return new String(read(ROOT + name).orElseThrow(
                () -> new IllegalStateException("web resource " + name + " is missing from the build")),
                StandardCharsets.UTF_8);
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Asset asset(byte[] bytes, String contentType) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, contentType, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
