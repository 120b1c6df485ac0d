package com.runtothebeats.functions.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the pages' markup must get right for keyboard and screen-reader users, and for the strict
 * Content-Security-Policy (which blocks inline scripts, inline styles and inline event handlers).
 */
class PageMarkupTest {

    private static final Pattern TAG = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    private final WebHandler handler = new WebHandler();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/build", "/result", "/nowhere"})
    void everyControlHasALabelAndEveryReferenceResolves(String path) {
        String html = render(path);
        List<String> ids = new ArrayList<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Set<String> unique = new HashSet<>(ids);
        assertEquals(unique.size(), ids.size(), "ids are unique on " + path + ": " + ids);

        Matcher control = TAG.matcher(html);
        while (control.find()) {
            String attributes = control.group(2);
            boolean wrappedInLabel = attributes.contains("type=\"radio\"");
            if (wrappedInLabel) {
                int labelStart = html.lastIndexOf("<label", control.start());
                int labelEnd = html.lastIndexOf("</label>", control.start());
                assertTrue(labelStart > labelEnd, "radio inside its label on " + path + ": " + control.group());
                continue;
            }
            Matcher controlId = ID.matcher(attributes);
            assertTrue(controlId.find(), "control has an id on " + path + ": " + control.group());
            assertTrue(html.contains("<label for=\"" + controlId.group(1) + "\""),
                    "control #" + controlId.group(1) + " has a label on " + path);
        }

        Matcher references = Pattern.compile("aria-(?:describedby|labelledby|controls)=\"([^\"]+)\"").matcher(html);
        while (references.find()) {
            for (String reference : references.group(1).split("\\s+")) {
                assertTrue(unique.contains(reference), "aria reference #" + reference + " exists on " + path);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/build", "/result", "/nowhere"})
    void nothingInlineThatThePolicyWouldBlock(String path) {
        String html = render(path);
        assertFalse(html.matches("(?s).*\\sstyle=\".*"), "no inline style attribute on " + path);
        assertFalse(html.matches("(?s).*<style.*"), "no style element on " + path);
        assertFalse(html.matches("(?s).*\\son[a-z]+=\".*"), "no inline event handler on " + path);
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src=\"/static/"), "scripts come from /static on " + path);
        }
        // Nothing is loaded from another origin; a link a person follows (GetSongBPM's required backlink) is not a load.
        assertFalse(html.matches("(?s).*(src|<link\\b[^>]*href)=\"(https?:)?//.*"), "nothing from another origin on " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/build", "/result"})
    void pagesHaveALanguageAViewportASkipLinkAndOneMainHeading(String path) {
        String html = render(path);
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""));
        assertTrue(html.contains("href=\"#main\""), "skip link");
        assertTrue(html.contains("<main id=\"main\""));
        assertTrue(html.contains("<nav aria-label=\"Main\">"));
        assertTrue(Pattern.compile("<h1[ >]").matcher(html).find(), "a main heading on " + path);
    }

    private String render(String path) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(WebHandlerTest.get(path), null);
        return response.getBody();
    }
}
