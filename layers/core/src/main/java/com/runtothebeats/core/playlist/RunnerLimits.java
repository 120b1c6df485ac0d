package com.runtothebeats.core.playlist;

import com.runtothebeats.core.catalog.SongKey;
import com.runtothebeats.core.catalog.Track;
import com.runtothebeats.core.validation.InvalidInputException;
import java.time.Year;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a runner never wants to hear, from the request (docs/contracts.md, "Recommendations API"): each
 * limit keeps tracks out of the candidates before the search starts. Errors name the request field.
 *
 * @param excludeExplicit tracks known to have explicit lyrics are left out ({@code exclude.explicit}); a track
 *                        whose flag is unknown stays in (the public catalog rarely knows), and the summary
 *                        counts them ({@code explicitUnknownTracks})
 * @param excludeArtists  primary artists (as {@link SongKey#primaryArtist} folds them) left out
 * @param excludeTrackIds track ids left out
 * @param releasedFrom    earliest release year, inclusive (a track with no known year is left out when set)
 * @param releasedTo      latest release year, inclusive
 * @param energyMin       lowest energy 0..1 for every track
 * @param energyMax       highest energy 0..1 for every track
 * @param genres          the style asked for up front ({@code genres}): every track carries one of these catalog genre
 *                        labels (lower case); empty = any. Checked against the catalog's labels by {@link AllowedTracks}
 */
public record RunnerLimits(boolean excludeExplicit, Set<String> excludeArtists, Set<String> excludeTrackIds,
                           Integer releasedFrom, Integer releasedTo, Double energyMin, Double energyMax, Set<String> genres) {

    public static final RunnerLimits NONE = new RunnerLimits(false, Set.of(), Set.of(), null, null, null, null, Set.of());
    public static final String GENRES = "genres";
    public static final int MAX_EXCLUDED = 500;
    public static final int FIRST_YEAR = 1900;

    public RunnerLimits {
        excludeArtists = excludeArtists == null ? Set.of() : Set.copyOf(excludeArtists);
        excludeTrackIds = excludeTrackIds == null ? Set.of() : Set.copyOf(excludeTrackIds);
        genres = genres == null ? Set.of() : Set.copyOf(genres);
        int lastYear = Year.now().getValue() + 1;
        checkYear(releasedFrom, "releasedFrom", lastYear);
        checkYear(releasedTo, "releasedTo", lastYear);
        if (releasedFrom != null && releasedTo != null && releasedFrom > releasedTo) {
            throw new InvalidInputException("releasedTo", "releasedTo (" + releasedTo + ") must not be before releasedFrom (" + releasedFrom + ")");
        }
        checkUnit(energyMin, "energy.min");
        checkUnit(energyMax, "energy.max");
        if (energyMin != null && energyMax != null && energyMin > energyMax) {
            throw new InvalidInputException("energy.max", "energy.max (" + energyMax + ") must not be below energy.min (" + energyMin + ")");
        }
    }

    /** Limits without a genre. */
    public RunnerLimits(boolean excludeExplicit, Set<String> excludeArtists, Set<String> excludeTrackIds,
                        Integer releasedFrom, Integer releasedTo, Double energyMin, Double energyMax) {
        this(excludeExplicit, excludeArtists, excludeTrackIds, releasedFrom, releasedTo, energyMin, energyMax, Set.of());
    }

    /**
     * Limits from the request's raw lists, each entry checked and named by its index ({@code exclude.artists[2]}).
     */
    public static RunnerLimits of(boolean excludeExplicit, List<String> artists, List<String> trackIds,
                                  Integer releasedFrom, Integer releasedTo, Double energyMin, Double energyMax) {
        return of(excludeExplicit, artists, trackIds, releasedFrom, releasedTo, energyMin, energyMax, null);
    }

    /** As above, with the request's {@code genres} (null or empty = any genre). */
    public static RunnerLimits of(boolean excludeExplicit, List<String> artists, List<String> trackIds,
                                  Integer releasedFrom, Integer releasedTo, Double energyMin, Double energyMax,
                                  List<String> genres) {
        return new RunnerLimits(excludeExplicit, entries(artists, "exclude.artists", true),
                entries(trackIds, "exclude.trackIds", false), releasedFrom, releasedTo, energyMin, energyMax, genres(genres));
    }

    private static Set<String> genres(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_GENRES) {
            throw new InvalidInputException(GENRES, GENRES + " takes at most " + MAX_GENRES + " labels, was " + values.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String g = CatalogGenres.normalise(values.get(i));
            if (g.isEmpty() || g.length() > 50) {
                throw new InvalidInputException(GENRES, GENRES + "[" + i + "] must be a genre label such as \"rock\" (1 to 50 characters)");
            }
            out.add(g);
        }
        return out;
    }

    static final int MAX_GENRES = 20;

    private static Set<String> entries(List<String> values, String field, boolean artist) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > MAX_EXCLUDED) {
            throw new InvalidInputException(field, field + " takes at most " + MAX_EXCLUDED + " entries, was " + values.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String at = field + "[" + i + "]";
            if (v == null || v.isBlank() || v.length() > 200) {
                throw new InvalidInputException(at, at + " must be " + (artist ? "an artist name" : "a track id") + " (1 to 200 characters)");
            }
            String value = artist ? SongKey.primaryArtist(v) : v.trim();
            if (value.isEmpty()) {
                throw new InvalidInputException(at, at + " has no letters or digits to match an artist by");
            }
            out.add(value);
        }
        return out;
    }

    private static void checkYear(Integer year, String field, int lastYear) {
        if (year != null && (year < FIRST_YEAR || year > lastYear)) {
            throw new InvalidInputException(field, field + " must be a year from " + FIRST_YEAR + " to " + lastYear + ", was " + year);
        }
    }

    private static void checkUnit(Double value, String field) {
        if (value != null && (!Double.isFinite(value) || value < 0 || value > 1)) {
            throw new InvalidInputException(field, field + " must be from 0 to 1 (Spotify's energy scale), was " + value);
        }
    }

    public boolean any() {
        return excludeExplicit || !excludeArtists.isEmpty() || !excludeTrackIds.isEmpty() || releasedFrom != null
                || releasedTo != null || energyMin != null || energyMax != null || !genres.isEmpty();
    }

    /**
     * The request field of the first limit {@code track} breaks, or null when it passes them all.
     *
     * @param excludedArtist whether the track's primary artist is one of {@link #excludeArtists}
     * @param outOfGenre     whether the track carries none of {@link #genres} (false when no genre is asked for)
     */
    public String brokenBy(Track track, boolean excludedArtist, boolean outOfGenre) {
        if (outOfGenre) {
            return GENRES;
        }
        if (excludeExplicit && Boolean.TRUE.equals(track.details().explicit())) {
            return "exclude.explicit";
        }
        if (excludedArtist) {
            return "exclude.artists";
        }
        if (excludeTrackIds.contains(track.id())) {
            return "exclude.trackIds";
        }
        Integer year = track.details().releaseYear();
        if (releasedFrom != null && (year == null || year < releasedFrom)) {
            return "releasedFrom";
        }
        if (releasedTo != null && (year == null || year > releasedTo)) {
            return "releasedTo";
        }
        double energy = track.features().energy();
        if (energyMin != null && energy < energyMin) {
            return "energy.min";
        }
        if (energyMax != null && energy > energyMax) {
            return "energy.max";
        }
        return null;
    }

    /** These limits without the one named by {@code field} (as {@link #brokenBy} names it). */
    public RunnerLimits without(String field) {
        return new RunnerLimits(excludeExplicit && !field.equals("exclude.explicit"),
                field.equals("exclude.artists") ? Set.of() : excludeArtists,
                field.equals("exclude.trackIds") ? Set.of() : excludeTrackIds,
                field.equals("releasedFrom") ? null : releasedFrom, field.equals("releasedTo") ? null : releasedTo,
                field.equals("energy.min") ? null : energyMin, field.equals("energy.max") ? null : energyMax,
                field.equals(GENRES) ? Set.of() : genres);
    }
}
