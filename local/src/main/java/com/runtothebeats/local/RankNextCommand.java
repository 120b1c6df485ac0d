package com.runtothebeats.local;

import com.runtothebeats.core.catalog.CandidateTracksCsv;
import com.runtothebeats.model.RankNextLines;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./beats rank-next --playlists FILE.csv --candidates CANDIDATES.csv [--top 100]}: for every playlist
 * block and position i &ge; 1, the promoted ranking model's best candidates for track i, one JSON line each.
 */
@Command(name = "rank-next", mixinStandardHelpOptions = true,
        description = {"Ranks the candidates as every next track of every playlist in a dataset-format CSV with the promoted",
                "ranking model: one JSON object per line (playlist_id, playlist_genre, playlist_subgenre, position,",
                "track_id, ranked[track ids, best first]). Candidates at position i: all tracks of CANDIDATES.csv except",
                "tracks 0..i-1 of the block. Each block is ranked as if it were the only playlist of the file."})
final class RankNextCommand implements Callable<Integer> {

    @Mixin
    PlaylistsFileOptions input;

    @Option(names = "--candidates", required = true, paramLabel = "CANDIDATES.csv",
            description = "CSV with the dataset's track columns (playlist columns may be absent), found by header name.")
    Path candidates;

    @Option(names = "--top", defaultValue = "100", paramLabel = "N", description = "Candidates listed per position (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, was " + top);
        }
        if (!Files.isRegularFile(candidates)) {
            throw new IllegalArgumentException("no candidates file at " + candidates.toAbsolutePath());
        }
        CandidateTracksCsv pool;
        try (InputStream in = Files.newInputStream(candidates)) {
            pool = CandidateTracksCsv.read(in);
        }
        for (String skipped : pool.skipped()) {
            System.err.println("candidate skipped: " + skipped);
        }
        return LocalModels.withPromotedRanking(input, (data, model, out, err) -> {
            long lines = RankNextLines.write(data, pool.tracks(), model, top, out);
            err.printf("%d rankings from model %s for %d playlists among %d candidates%n", lines, model.version(),
                    data.playlists().size(), pool.tracks().size());
        });
    }
}
