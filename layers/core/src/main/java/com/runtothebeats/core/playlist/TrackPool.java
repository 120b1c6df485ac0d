package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The tracks one request draws from, by its {@link TrackSource}: the catalog index as loaded, the runner's
 * library index, or the runner's mix index (their tracks plus the catalog tracks close to their style), each
 * already built; only a mix whose seeds lie outside it is built for the request.
 *
 * @param source what the request drew from (the default resolved)
 */
record TrackPool(TrackSource source, TempoIndex index) {

    /**
     * @throws NoLibraryException    for {@code library} without a library that holds a track with tempo and key
     * @throws InvalidInputException naming {@code seedTrackIds[i]} for a library seed the library does not hold
     */
    static TrackPool of(RecommendationRequest request, TempoIndex catalog) {
        LibraryIndex library = request.library();
        boolean usable = library != null && library.usable();
        TrackSource source = request.source() != null ? request.source() : usable ? TrackSource.MIX : TrackSource.CATALOG;
        return switch (source) {
            case CATALOG -> new TrackPool(source, catalog);
            case LIBRARY -> {
                if (!usable) {
                    throw new NoLibraryException(library == null
                            ? "You have no imported library yet: import your Spotify library first (\"Import my Spotify library\" on "
                            + "the home page, or POST /api/library/import), or ask for \"source\": \"catalog\"."
                            : "None of the " + library.listed() + " tracks of your library has a known tempo and key, so none can be "
                            + "placed at a tempo; ask for \"source\": \"catalog\", or import again later.");
                }
                yield new TrackPool(source, library.tracks()).requireSeedsInside(request.seedTrackIds());
            }
            case MIX -> new TrackPool(source, usable ? library.mix().get() : catalog).withCatalogSeeds(request.seedTrackIds(), catalog);
        };
    }

    private TrackPool requireSeedsInside(List<String> seedIds) {
        for (int i = 0; i < seedIds.size(); i++) {
            String id = seedIds.get(i);
            if (id != null && !id.isBlank() && index.indexOf(id.trim()).isEmpty()) {
                String field = "seedTrackIds[" + i + "]";
                throw new InvalidInputException(field, field + ": track '" + id + "' is not in your library, and \"source\": "
                        + "\"library\" uses only your tracks; choose one of yours, or ask for \"source\": \"mix\"");
            }
        }
        return this;
    }

    /** A mix with the catalog seeds it lacks added: the runner chose them, style or not. */
    private TrackPool withCatalogSeeds(List<String> seedIds, TempoIndex catalog) {
        List<Track> missing = new ArrayList<>();
        for (String id : seedIds) {
            if (id == null || id.isBlank() || index.indexOf(id.trim()).isPresent()) {
                continue;
            }
            OptionalInt inCatalog = catalog.indexOf(id.trim());
            if (inCatalog.isPresent()) {
                missing.add(catalog.track(inCatalog.getAsInt()));
            }
        }
        if (missing.isEmpty()) {
            return this;
        }
        List<Track> tracks = new ArrayList<>(index.tracks());
        tracks.addAll(missing);
        Set<String> own = new HashSet<>();
        for (int i = 0; i < index.size(); i++) {
            if (index.fromLibrary(i)) {
                own.add(index.track(i).id());
            }
        }
        return new TrackPool(source, TempoIndex.build(tracks, catalog, own, LibraryIndex.CATALOG_COST));
    }

    boolean fromLibrary(String trackId) {
        OptionalInt i = index.indexOf(trackId);
        return i.isPresent() && index.fromLibrary(i.getAsInt());
    }
}
