package com.runtothebeats.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays a two-minute read that points into docs/, and no link in README.md or docs/*.md leads
 * nowhere (a moved section or a renamed file breaks a link silently otherwise).
 */
class ReadmeTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final int MAX_README_BYTES = 12 * 1024;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern QUICK_START_TEST = Pattern.compile("(?m)^(mvn [^#\\n]*?)\\s+#");

    @Test
    void readmeIsAtMostTwelveKilobytes() throws IOException {
        long size = Files.size(PROJECT.resolve("README.md"));
        assertTrue(size <= MAX_README_BYTES, "README.md is " + size + " bytes; deep dives belong in docs/ (limit " + MAX_README_BYTES + ")");
    }

    @Test
    void everyLocalLinkInTheReadmeAndDocsResolves() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(PROJECT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (String target : localLinks(Files.readString(page))) {
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(PROJECT.relativize(page) + ": " + target + " (no such file)");
                } else if (anchor != null && linked.toString().endsWith(".md") && !anchors(Files.readString(linked)).contains(anchor)) {
                    broken.add(PROJECT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        Matcher command = QUICK_START_TEST.matcher(Files.readString(PROJECT.resolve("README.md")));
        assertTrue(command.find(), "README's Quick start names no mvn test command");
        List<String> ciLines = Files.readAllLines(PROJECT.resolve(".ci/run")).stream().map(String::strip).toList();
        assertTrue(ciLines.contains(command.group(1).strip()), ".ci/run does not run the README's test command: " + command.group(1));
    }

    /** Link targets outside code blocks that point into the repository (not at a web address). */
    static List<String> localLinks(String markdown) {
        List<String> links = new ArrayList<>();
        for (String line : outsideCodeBlocks(markdown)) {
            Matcher m = LINK.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    links.add(target);
                }
            }
        }
        return links;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        for (String line : outsideCodeBlocks(markdown)) {
            if (line.matches("^#{1,6} .*")) {
                String text = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
                String slug = text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                String unique = slug;
                for (int n = 1; anchors.contains(unique); n++) {
                    unique = slug + "-" + n;
                }
                anchors.add(unique);
            }
        }
        return anchors;
    }

    private static List<String> outsideCodeBlocks(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                lines.add(line);
            }
        }
        return lines;
    }
}
