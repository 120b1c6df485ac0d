package com.runtothebeats.core.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns raw dataset rows into the catalog (distinct valid tracks) and the playlist sequences, counting
 * every row it leaves out by {@link DropReason}. Nothing here is fatal: a bad row is reported, not thrown.
 *
 * <p>What counts as a duplicate: a playlist block is the contiguous run of rows with one
 * (playlist_id, playlist_genre, playlist_subgenre); a track that appears a second time in the same block is
 * a duplicate row and only its first position is kept. The same track in different blocks is not a
 * duplicate: it belongs to each playlist's sequence and is stored once in the catalog. If a later row
 * gives a known track id different audio features, that row is dropped as conflicting, so the catalog and
 * the sequences always agree on a track's features.
 *
 * <p>A track's genres ({@link TrackDetails#genres}) are the {@code playlist_genre} labels of every block its
 * kept rows are in.
 */
public final class CatalogValidation {

    /** How many dropped rows per reason the report lists by line. */
    static final int EXAMPLES_PER_REASON = 5;

    private CatalogValidation() {
    }

    public static ValidatedCatalog validate(List<DatasetRow> rows) {
        Map<String, Track> tracks = new LinkedHashMap<>();
        Map<String, Set<String>> genres = new HashMap<>();
        Map<PlaylistKey, List<Track>> sequences = new LinkedHashMap<>();
        Map<PlaylistKey, Set<String>> idsPerBlock = new HashMap<>();
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        Map<DropReason, List<ValidationReport.DroppedRow>> examples = new EnumMap<>(DropReason.class);
        long valid = 0;
        for (DatasetRow row : rows) {
            Track track;
            try {
                track = row.toTrack();
            } catch (InvalidRowException e) {
                drop(row, e.reason(), e.field(), e.getMessage(), dropped, examples);
                continue;
            }
            Track known = tracks.get(track.id());
            if (known != null && !known.features().equals(track.features())) {
                drop(row, DropReason.CONFLICTING_FEATURES, null,
                        "track " + track.id() + " was first seen with different audio features", dropped, examples);
                continue;
            }
            PlaylistKey block = row.playlistKey();
            if (!idsPerBlock.computeIfAbsent(block, k -> new HashSet<>()).add(track.id())) {
                drop(row, DropReason.DUPLICATE_IN_PLAYLIST, DatasetColumn.TRACK_ID.header(),
                        "track " + track.id() + " is already in playlist " + block.playlistId()
                                + " (" + block.genre() + " / " + block.subgenre() + ")", dropped, examples);
                continue;
            }
            if (known == null) {
                tracks.put(track.id(), track);
                known = track;
            }
            sequences.computeIfAbsent(block, k -> new ArrayList<>()).add(known);
            if (block.genre() != null && !block.genre().isBlank()) {
                genres.computeIfAbsent(track.id(), k -> new HashSet<>()).add(block.genre());
            }
            valid++;
        }
        tracks.replaceAll((id, t) -> genres.containsKey(id)
                ? new Track(t.id(), t.name(), t.artist(), t.album(), t.popularity(), t.features(), t.albumId(),
                        t.details().withGenres(List.copyOf(genres.get(id))))
                : t);
        List<PlaylistSequence> playlists = new ArrayList<>(sequences.size());
        sequences.forEach((key, list) -> playlists.add(new PlaylistSequence(key.playlistId(), key.genre(), key.subgenre(),
                list.stream().map(t -> tracks.get(t.id())).toList())));

        Map<String, Long> droppedByCode = new TreeMap<>();
        Map<String, List<ValidationReport.DroppedRow>> examplesByCode = new TreeMap<>();
        for (DropReason reason : DropReason.values()) {
            droppedByCode.put(reason.code(), dropped.getOrDefault(reason, 0L));
            if (examples.containsKey(reason)) {
                examplesByCode.put(reason.code(), List.copyOf(examples.get(reason)));
            }
        }
        ValidationReport report = new ValidationReport(rows.size(), valid, tracks.size(), playlists.size(),
                droppedByCode, examplesByCode);
        return new ValidatedCatalog(List.copyOf(tracks.values()), playlists, report);
    }

    private static void drop(DatasetRow row, DropReason reason, String field, String message,
                             Map<DropReason, Long> dropped, Map<DropReason, List<ValidationReport.DroppedRow>> examples) {
        dropped.merge(reason, 1L, Long::sum);
        List<ValidationReport.DroppedRow> list = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_REASON) {
            list.add(new ValidationReport.DroppedRow(row.line(), row.get(DatasetColumn.TRACK_ID), field, message));
        }
    }
}
