package com.runtothebeats.functions.web;

import java.util.Map;

/** Media types of the files the web app ships, by extension; anything else is refused rather than guessed. */
final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "webmanifest", "application/manifest+json",
            "woff2", "font/woff2");

    private ContentTypes() {
    }

    /** The media type for a file name, or null when the web app does not serve that kind of file. */
    static String forName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1));
    }

    static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("svg");
    }
}
