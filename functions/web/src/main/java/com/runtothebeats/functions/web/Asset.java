package com.runtothebeats.functions.web;

/**
 * One file of the web app as it goes over the wire: its bytes, media type and a strong ETag (a content
 * hash), so browsers can revalidate cheaply and versioned URLs can be cached for good.
 */
record Asset(byte[] bytes, String contentType, String etag) {

    /** The first hex digits of the content hash: the {@code ?v=} that busts caches when the file changes. */
    String version() {
        return etag.substring(1, 11);
    }
}
