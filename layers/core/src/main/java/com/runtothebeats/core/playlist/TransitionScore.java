package com.runtothebeats.core.playlist;

/**
 * What moving to a track costs, part by part (unweighted), and the weighted total.
 *
 * <ul>
 *   <li>{@code flow}: Euclidean distance, in the feature transform's standardised space, between the
 *       track's eight flow features and the reference: the sequence model's prediction from the tracks
 *       so far or, without a model, the previous track's own vector. 0 for the first track.</li>
 *   <li>{@code key}: steps round the Camelot wheel from the previous track (0 same key, 1 for one hour
 *       either way or the relative major/minor, growing by one per further step).</li>
 *   <li>{@code tempo}: |effective tempo − slot target| divided by the tolerance (0..1 for tracks inside it).</li>
 *   <li>{@code jump}: how far the effective tempo moved from the previous track beyond what the plan itself
 *       moved between the two slots, divided by the tolerance (so an interval's planned step costs nothing).</li>
 *   <li>{@code fit}: on the last track only, the minutes the playlist runs past the requested length.</li>
 *   <li>{@code energy}: how far the track's energy and danceability are from what its stretch of the run asks
 *       ({@code run.Effort#misfit}: 1 per 0.2 of energy off).</li>
 *   <li>{@code catalog}: in a mix, what taking a catalog track instead of one of the runner's own costs
 *       ({@link LibraryIndex#CATALOG_COST}, added as is); 0 for the runner's tracks and outside a mix.</li>
 * </ul>
 */
public record TransitionScore(double flow, double key, double tempo, double jump, double fit, double energy, double catalog,
                              double total) {

    public static TransitionScore of(TransitionWeights w, double flow, double key, double tempo, double jump, double fit, double energy) {
        return of(w, flow, key, tempo, jump, fit, energy, 0);
    }

    public static TransitionScore of(TransitionWeights w, double flow, double key, double tempo, double jump, double fit, double energy,
                                     double catalog) {
        return new TransitionScore(flow, key, tempo, jump, fit, energy, catalog, weighted(w, flow, key, tempo, jump, fit, energy) + catalog);
    }

    static double weighted(TransitionWeights w, double flow, double key, double tempo, double jump, double fit, double energy) {
        return w.flow() * flow + w.key() * key + w.tempo() * tempo + w.jump() * jump + w.fit() * fit + w.energy() * energy;
    }
}
