package com.runtothebeats.model;

import com.runtothebeats.core.flow.SequenceModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the recommender the promoted sequence model: reads {@code models/current.json}, fetches that
 * version into the local cache folder once ({@code MODEL_CACHE_DIR}, under /tmp on Lambda) and keeps the
 * loaded models for the life of the container; each model of the version is loaded only when first asked for, so
 * a recommender that scores with the ranking model's plain weights never loads the native engine. The pointer is re-read at most every {@code recheck}, so a
 * newly promoted model reaches warm containers without a redeploy. With nothing promoted it answers
 * empty and the caller falls back on its flow heuristic.
 */
public final class CurrentModelLoader implements AutoCloseable {

    private final ModelStore store;
    private final Path cacheDir;
    private final Duration recheck;
    private final Clock clock;
    /** The promoted version's folder in the cache; each model in it is loaded when first asked for. */
    private String version;
    private Path folder;
    private FlowSequenceModel loaded;
    private RankingModel loadedRanking;
    private PlainRankingModel loadedPlain;
    /** What was already loaded (or failed to load) of this version: a model that cannot load is not retried per call. */
    private final Set<String> tried = new HashSet<>();
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
        if (promotedFolder() && loaded == null && tried.add("flow")) {
            loaded = ModelArtifacts.load(folder);
        }
        return Optional.ofNullable(loaded);
    }

    /**
     * The promoted version's ranking model with its engine (evaluation, rank-next); empty when nothing is
     * promoted or the promoted version was trained before the ranking model existed.
     */
    public synchronized Optional<RankingModel> currentRankingModel() {
        if (promotedFolder() && loadedRanking == null && tried.add("ranking")) {
            loadedRanking = ModelArtifacts.loadRanking(folder).orElse(null);
        }
        return Optional.ofNullable(loadedRanking);
    }

    /** The promoted version's ranking model for serving, in plain Java (no native engine is loaded); empty as above. */
    public synchronized Optional<PlainRankingModel> currentPlainRankingModel() {
        if (promotedFolder() && loadedPlain == null && tried.add("plain ranking")) {
            loadedPlain = ModelArtifacts.loadPlainRanking(folder).orElse(null);
        }
        return Optional.ofNullable(loadedPlain);
    }

    /**
     * Re-reads the pointer when {@code recheck} has passed and fetches a newly promoted version (dropping what was
     * loaded of the previous one); true when a version's folder is at hand. A pointer gone for a moment keeps the
     * folder we had.
     */
    private boolean promotedFolder() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(recheck))) {
            checkedAt = now;
            Optional<ModelStore.CurrentModel> pointer = store.current();
            if (pointer.isPresent() && !pointer.get().version().equals(version)) {
                // The replaced models are left to the garbage collector rather than closed: another thread may still
                // be predicting with them, and a promotion happens about once a week.
                folder = store.download(pointer.get().version(), cacheDir);
                version = pointer.get().version();
                loaded = null;
                loadedRanking = null;
                loadedPlain = null;
                tried.clear();
            }
        }
        return folder != null;
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
