package com.runtothebeats.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.runtothebeats.core.catalog.DatasetPlaylists;
import com.runtothebeats.core.catalog.PlaylistSequence;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.flow.NextTrackRanker;
import com.runtothebeats.core.flow.NextTrackRanking;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./beats rank-next} prints: for every playlist block of a dataset file and every position
 * i &ge; 1, one JSON line with the best {@code top} candidates for track i, best first, ranked from tracks
 * 0..i-1 of the block and its genre and subgenre only. The candidates are all tracks of the candidates file
 * except tracks 0..i-1; equal scores keep the candidates file's order. Each block runs in its own session,
 * so what other blocks hold never changes its lines.
 */
public final class RankNextLines {

    private static final ObjectMapper LINE = new ObjectMapper();

    private RankNextLines() {
    }

    /** Writes the lines; returns how many were written. */
    public static long write(DatasetPlaylists data, List<Track> candidates, NextTrackRanker ranker, int top, PrintStream out) {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, was " + top);
        }
        NextTrackRanker.Candidates prepared = ranker.prepare(candidates);
        Map<String, Integer> indexOf = NextTrackRanking.indexOf(prepared.tracks());
        long[] written = {0};
        for (int b = 0; b < data.playlists().size(); b++) {
            PlaylistSequence playlist = data.playlists().get(b);
            int[] positions = data.positions().get(b);
            NextTrackRanking.forEachPosition(prepared, indexOf, playlist, (i, scores, played) -> {
                int[] best = NextTrackRanking.top(scores, played, top);
                List<String> ranked = new ArrayList<>(best.length);
                for (int c : best) {
                    ranked.add(prepared.tracks().get(c).id());
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("playlist_id", playlist.playlistId());
                line.put("playlist_genre", playlist.genre());
                line.put("playlist_subgenre", playlist.subgenre());
                line.put("position", positions[i]);
                line.put("track_id", playlist.tracks().get(i).id());
                line.put("ranked", ranked);
                try {
                    out.println(LINE.writeValueAsString(line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                written[0]++;
            });
        }
        out.flush();
        return written[0];
    }
}
