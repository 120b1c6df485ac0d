package com.runtothebeats.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets this process listens on, read from {@code /proc/net/tcp} and {@code /proc/net/tcp6} (Linux) and
 * matched to this process's file descriptors: what {@code ss -ltnp} shows for it. The local stack checks that
 * every one is on loopback.
 */
public final class ListeningSockets {

    /** One listener: its local address as {@code ss} prints it ({@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0}, {@code ::}). */
    public record Listener(String address, int port) {
        public boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd"));
    }

    public static List<Listener> ofThisProcess() {
        Set<String> inodes = socketInodes();
        List<Listener> listeners = new ArrayList<>();
        read(Path.of("/proc/net/tcp"), false, inodes, listeners);
        read(Path.of("/proc/net/tcp6"), true, inodes, listeners);
        return listeners;
    }

    private static Set<String> socketInodes() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while we listed them
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc/self/fd", e);
        }
        return inodes;
    }

    private static void read(Path table, boolean ipv6, Set<String> inodes, List<Listener> out) {
        if (!Files.isReadable(table)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !LISTEN.equals(fields[3]) || !inodes.contains(fields[9])) {
                continue;
            }
            String[] local = fields[1].split(":");
            out.add(new Listener(ipv6 ? ipv6(local[0]) : ipv4(local[0]), Integer.parseInt(local[1], 16)));
        }
    }

    /** /proc prints an IPv4 address as one little-endian 32-bit word in hex. */
    private static String ipv4(String hex) {
        long word = Long.parseLong(hex, 16);
        return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
    }

    /** Four little-endian 32-bit words; printed in the forms ss uses for the cases that matter here. */
    private static String ipv6(String hex) {
        byte[] bytes = new byte[16];
        for (int word = 0; word < 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            String text = java.net.InetAddress.getByAddress(bytes).getHostAddress();
            return switch (text) {
                case "0:0:0:0:0:0:0:0" -> "::";
                case "0:0:0:0:0:0:0:1" -> "::1";
                default -> text;
            };
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
