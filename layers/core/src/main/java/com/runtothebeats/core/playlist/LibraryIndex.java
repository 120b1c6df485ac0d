package com.runtothebeats.core.playlist;

import com.runtothebeats.core.Lazy;
import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.catalog.TrackDetails;
import com.runtothebeats.core.library.LibraryTrack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One runner's library arranged for playlist search, built once per import and kept by the container
 * ({@link LibraryIndexes}): their tracks with a tempo and a key as a {@link TempoIndex} in the catalog's feature
 * space, the library's {@link LibraryStyle}, and (on first use) the mix index, the library plus the catalog tracks
 * close to its style. Tracks whose flow features are unknown (GetSongBPM knows only tempo and key) take part with
 * those features at the catalog's typical values ({@code FeatureTransform.withUnknownAtMean}): neither near nor far.
 *
 * @param version what the index was built from (the import that finished last), so a re-import replaces it
 * @param listed  how many tracks the library holds, with or without a tempo
 */
public record LibraryIndex(String version, int listed, TempoIndex tracks, LibraryStyle style, Supplier<TempoIndex> mix) {

    /**
     * What a catalog track costs in a mix: as much as three steps round the Camelot wheel, or two flow units more
     * than a typical step's flow distance, so the runner's own track wins unless none fits nearly as well (at 1.0
     * a ~1,800-track library gave only 6–10 of a 60-minute mix's 16–19 tracks; at 3.0, 13–16: docs/library.md).
     */
    public static final double CATALOG_COST = 3.0;

    public static LibraryIndex build(String version, List<LibraryTrack> library, TempoIndex catalog) {
        List<Track> usable = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> flowKnownIds = new HashSet<>();
        for (LibraryTrack entry : library) {
            entry.asTrack().ifPresent(track -> {
                if (ids.add(track.id())) {
                    AudioFeatures f = track.features();
                    if (f.hasFlowFeatures()) {
                        flowKnownIds.add(track.id());
                    }
                    usable.add(new Track(track.id(), track.name(), track.artist(), track.album(), track.popularity(),
                            catalog.transform().withUnknownAtMean(f), track.albumId(), detailsOf(track, catalog)));
                }
            });
        }
        TempoIndex own = TempoIndex.build(usable, catalog, ids, 0);
        boolean[] flowKnown = new boolean[own.size()];
        for (int i = 0; i < own.size(); i++) {
            flowKnown[i] = flowKnownIds.contains(own.track(i).id());
        }
        LibraryStyle style = LibraryStyle.of(own, flowKnown);
        Supplier<TempoIndex> mix = Lazy.of(() -> {
            List<Track> pool = new ArrayList<>(own.tracks());
            pool.addAll(style.closeTracks(catalog));
            return TempoIndex.build(pool, catalog, ids, CATALOG_COST);
        });
        return new LibraryIndex(version, library.size(), own, style, mix);
    }

    /**
     * What the catalog knows of the same track (its genre labels from the public playlists, release year, explicit
     * flag), so {@code genres} and the ranking model's style treat it as the catalog's; a track the catalog lacks
     * carries no genre label, and a request's {@code genres} keeps it out as it keeps out an unlabelled catalog track.
     */
    private static TrackDetails detailsOf(Track track, TempoIndex catalog) {
        OptionalInt known = catalog.indexOf(track.id());
        return known.isPresent() ? catalog.track(known.getAsInt()).details() : track.details();
    }

    /** Whether the library holds a track the recommender can place (a tempo and a key). */
    public boolean usable() {
        return tracks.size() > 0;
    }
}
