package com.runtothebeats.model;

import com.runtothebeats.core.flow.FlowMetrics;
import java.util.List;
import java.util.Map;

/**
 * What a stored model is: written as {@code models/<version>/manifest.json} beside its DJL parameters and
 * a copy of the feature transform it was trained in (so serving never pairs a model with another fit).
 *
 * @param parameters      file name of the DJL parameters in the same folder
 * @param transformFile   file name of the feature transform copy in the same folder
 * @param transformKey    where the transform came from in the data bucket ({@code transform/<runId>/feature-transform.json})
 * @param inwardShare     share of the network's pull towards the catalog centre that predictions keep
 * @param inputs          the per-step input schema, in order
 * @param outputs         the predicted flow features, in order: standardised offsets from the running median
 * @param validation      the model's metrics on its validation playlists
 * @param baselines       the baselines on the same playlists
 * @param ranking         the ranking model stored beside the flow network (null in folders saved before it)
 */
public record ModelManifest(
        String version,
        String createdAt,
        String trainingRunId,
        String transformVersion,
        String transformKey,
        String sequencesKey,
        String parameters,
        String transformFile,
        FlowNetworkShape network,
        double inwardShare,
        List<String> inputs,
        List<String> outputs,
        String outputMeaning,
        FlowMetrics validation,
        Map<String, FlowMetrics> baselines,
        TrainingSummary training,
        Map<String, String> libraries,
        RankingArtifacts.Section ranking) {

    public static final String FILE = "manifest.json";

    /** How the run went, without the per-epoch curves (those stay in the training log). */
    public record TrainingSummary(TrainingOptions options, int trainingPlaylists, int validationPlaylists,
                                  int epochsRun, int bestEpoch, double bestValidationMae, double seconds, String loss) {

        public static TrainingSummary of(TrainingReport report) {
            return new TrainingSummary(report.options(), report.trainingPlaylists(), report.validationPlaylists(),
                    report.epochsRun(), report.bestEpoch(),
                    report.validationMae().isEmpty() ? Double.NaN : report.validationMae().get(report.bestEpoch() - 1),
                    report.seconds(), "masked L1 (mean absolute error) on the offset from the running median");
        }
    }
}
