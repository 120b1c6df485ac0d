package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.AudioFeatures;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.library.FeatureSource;
import com.runtothebeats.core.library.LibraryTrack;
import com.runtothebeats.core.library.TrackListing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A runner's library made of real tracks of the dataset, as an import leaves it: each under its own id
 * ({@value #ID_PREFIX} + the dataset's, so a test can tell library from catalog tracks), with the features
 * ReccoBeats gives, or only tempo and key (GetSongBPM) for every {@code tempoOnlyEvery}-th.
 */
final class RunnerLibraryFixture {

    static final String ID_PREFIX = "L";

    private RunnerLibraryFixture() {
    }

    /** The real tracks of whole artists (a library is a taste, not a random sample): about one artist in {@code every}. */
    static Predicate<Track> artistsOneIn(int every) {
        return t -> Math.floorMod(t.songKey().primaryArtist().hashCode(), every) == 0;
    }

    static List<LibraryTrack> library(Predicate<Track> pick, int limit, int tempoOnlyEvery) {
        return library(pick, limit, tempoOnlyEvery, t -> false);
    }

    /**
     * @param sameId which tracks the runner saved under the catalog's own Spotify id (so the catalog knows them, with
     *               their genre labels); the others get an id of their own, as tracks the public dataset lacks
     */
    static List<LibraryTrack> library(Predicate<Track> pick, int limit, int tempoOnlyEvery, Predicate<Track> sameId) {
        List<LibraryTrack> out = new ArrayList<>();
        for (Track t : RealCatalog.index().tracks()) {
            if (out.size() == limit) {
                break;
            }
            if (!pick.test(t)) {
                continue;
            }
            TrackListing listing = new TrackListing(sameId.test(t) ? t.id() : ID_PREFIX + t.id(), t.name(), List.of(t.artist()), t.album(), t.durationMs());
            AudioFeatures f = t.features();
            boolean tempoOnly = tempoOnlyEvery > 0 && out.size() % tempoOnlyEvery == 0;
            out.add(tempoOnly
                    ? new LibraryTrack(listing, FeatureSource.GETSONGBPM, AudioFeatures.tempoAndKey(f.tempo(), f.key(), f.mode(), 0))
                    : new LibraryTrack(listing, FeatureSource.RECCOBEATS, f));
        }
        return out;
    }

    static LibraryIndex index(List<LibraryTrack> library) {
        return LibraryIndex.build("2026-12-05T12:00:00Z", library, RealCatalog.index());
    }
}
