package com.runtothebeats.local;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code predict-next} and {@code evaluate} both take: the local stack, the playlists file, {@code --verbose}. */
final class PlaylistsFileOptions {

    @Mixin
    StackOptions stack;

    @Option(names = "--playlists", required = true, paramLabel = "FILE", description = "CSV in the dataset's format (header + 23 columns).")
    Path playlists;

    @Option(names = {"-v", "--verbose"}, description = "The stand-ins' and the model loader's output on stderr (default: <state>/logs/functions.log).")
    boolean verbose;
}
