package com.runtothebeats.model;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.FeatureTransform;
import com.runtothebeats.core.catalog.Track;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One track as the ranking model sees it, computed once: its vocabulary indices (0 when unseen in
 * training), its standardised flow features, and the content inputs of the track tower.
 */
record TrackProfile(Track track, int trackIndex, int artistIndex, int albumIndex, double[] flow, float[] content) {

    /** Name hints: versions of a song that belong to other playlists than the original (a club remix, a live take). */
    private static final Pattern[] HINTS = {
            Pattern.compile("\\bremix|\\bmix\\b|\\brmx\\b"),
            Pattern.compile("\\blive\\b|\\bunplugged\\b"),
            Pattern.compile("\\bversion\\b|\\bedit\\b|\\bremaster"),
            Pattern.compile("\\bfeat\\.?\\b|\\bft\\.|\\(with\\b"),
            Pattern.compile("\\bacoustic\\b|\\bpiano\\b|\\borchestral\\b"),
            Pattern.compile("\\bradio\\b|\\bextended\\b|\\bclub\\b|\\bvip\\b")};

    /** Content inputs: 8 flow features, tempo, key (2, on the Camelot wheel), mode, year (2), popularity, duration, hints. */
    static final int CONTENT = 8 + 1 + 2 + 1 + 2 + 1 + 1 + HINTS.length;

    static TrackProfile of(Track track, PlaylistStatistics statistics, FeatureTransform transform) {
        double[] flow = transform.standardise(track.features());
        float[] content = new float[CONTENT];
        int k = 0;
        for (double v : flow) {
            content[k++] = (float) v;
        }
        AudioFeatures f = track.features();
        content[k++] = (float) ((f.tempo() - 120) / 30);
        double angle = 2 * Math.PI * track.camelotKey().hour() / 12.0;
        content[k++] = (float) Math.cos(angle);
        content[k++] = (float) Math.sin(angle);
        content[k++] = f.isMajor() ? 1f : -1f;
        content[k++] = track.releaseYear() > 0 ? (float) ((track.releaseYear() - 2005) / 12.0) : 0f;
        content[k++] = track.releaseYear() > 0 ? 0f : 1f;
        content[k++] = (float) (track.popularity() / 50.0 - 1);
        content[k++] = (float) ((track.durationMs() / 60000.0 - 3.7) / 1.2);
        String name = track.name().toLowerCase(Locale.ROOT);
        for (Pattern hint : HINTS) {
            content[k++] = hint.matcher(name).find() ? 1f : 0f;
        }
        return new TrackProfile(track, counted(statistics.tracks.of(track.id()), statistics.trackPlaylists),
                counted(statistics.artists.of(track.artist()), statistics.artistPlaylists),
                counted(statistics.albums.of(track.albumKey()), statistics.albumPlaylists), flow, content);
    }

    /** The index when the statistics counted the id in some playlist, else the unknown index. */
    private static int counted(int index, int[] playlists) {
        return playlists[index] > 0 ? index : PlaylistStatistics.UNKNOWN;
    }
}
