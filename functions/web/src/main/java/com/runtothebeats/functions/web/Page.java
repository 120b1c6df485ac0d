package com.runtothebeats.functions.web;

import java.util.Optional;

/** The pages of the web app, by the path they answer on. */
enum Page {
    HOME("/", "home", "Run to the Beats"),
    DASHBOARD("/dashboard", "dashboard", "Your heart rate · Run to the Beats"),
    BUILD("/build", "build", "Build a playlist · Run to the Beats"),
    RESULT("/result", "result", "Your playlist · Run to the Beats"),
    NOT_FOUND(null, "not-found", "Page not found · Run to the Beats");

    private final String path;
    private final String fileName;
    private final String title;

    Page(String path, String fileName, String title) {
        this.path = path;
        this.fileName = fileName;
        this.title = title;
    }

    /** The path the page answers on; none for the not-found page, which answers wherever nothing else does. */
    Optional<String> path() {
        return Optional.ofNullable(path);
    }

    String fileName() {
        return fileName;
    }

    String title() {
        return title;
    }
}
