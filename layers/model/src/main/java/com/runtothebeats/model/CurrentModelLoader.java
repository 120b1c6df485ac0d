package com.runtothebeats.model;

import com.runtothebeats.core.flow.SequenceModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Gives the recommender the promoted sequence model: reads {@code models/current.json}, fetches that
 * version into the local cache folder once ({@code MODEL_CACHE_DIR}, under /tmp on Lambda) and keeps the
 * loaded model for the life of the container. The pointer is re-read at most every {@code recheck}, so a
 * newly promoted model reaches warm containers without a redeploy. With nothing promoted it answers
 * empty and the caller falls back on its flow heuristic.
 */
public final class CurrentModelLoader implements AutoCloseable {

    private final ModelStore store;
    private final Path cacheDir;
    private final Duration recheck;
    private final Clock clock;
    private FlowSequenceModel loaded;
    private RankingModel loadedRanking;
    private Instant checkedAt;

    public CurrentModelLoader(ModelStore store, Path cacheDir) {
        this(store, cacheDir, Duration.ofMinutes(5), Clock.systemUTC());
    }

    public CurrentModelLoader(ModelStore store, Path cacheDir, Duration recheck, Clock clock) {
        this.store = store;
        this.cacheDir = cacheDir;
        this.recheck = recheck;
        this.clock = clock;
    }

    public Optional<SequenceModel> current() {
        return currentFlowModel().map(SequenceModel.class::cast);
    }

    /** The promoted model with its feature transform (the CLI prints predictions in original units). */
    public synchronized Optional<FlowSequenceModel> currentFlowModel() {
        Instant now = clock.instant();
        if (checkedAt != null && now.isBefore(checkedAt.plus(recheck))) {
            return Optional.ofNullable(loaded);
        }
        checkedAt = now;
        Optional<ModelStore.CurrentModel> pointer = store.current();
        if (pointer.isEmpty()) {
            return Optional.ofNullable(loaded); // keep serving what we had if the pointer is gone for a moment
        }
        String version = pointer.get().version();
        if (loaded == null || !loaded.version().equals(version)) {
            // The replaced model is left to the garbage collector rather than closed: another thread may still
            // be predicting with it, and a promotion happens about once a week.
            Path dir = store.download(version, cacheDir);
            loaded = ModelArtifacts.load(dir);
            loadedRanking = ModelArtifacts.loadRanking(dir).orElse(null);
        }
        return Optional.of(loaded);
    }

    /**
     * The promoted version's ranking model; empty when nothing is promoted or the promoted version was
     * trained before the ranking model existed.
     */
    public synchronized Optional<RankingModel> currentRankingModel() {
        currentFlowModel();
        return Optional.ofNullable(loadedRanking);
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
        if (loadedRanking != null) {
            loadedRanking.close();
            loadedRanking = null;
        }
    }
}
