package com.runtothebeats.functions.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every page and file carries. The Content-Security-Policy allows only our own origin: scripts,
 * styles and charts ship with the function, and the API is the same origin, so nothing else is needed —
 * and no inline script or style, so an injected tag cannot run.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'");

    private SecurityHeaders() {
    }

    static Map<String, String> forContent(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        return headers;
    }
}
