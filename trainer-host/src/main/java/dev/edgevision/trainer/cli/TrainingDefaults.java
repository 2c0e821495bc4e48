package dev.edgevision.trainer.cli;

import dev.edgevision.trainer.classifier.TrainingSettings;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training options' defaults, taken from {@link TrainingSettings#defaults()} so that the help
 * text and the run can never disagree with the settings a plain {@code trainer train} uses.
 */
final class TrainingDefaults implements CommandLine.IDefaultValueProvider {
    private static final TrainingSettings D = TrainingSettings.defaults();
    private static final Map<String, String> VALUES = Map.of(
            "--seed", Long.toString(D.seed()),
            "--epochs", Integer.toString(D.maxEpochs()),
            "--patience", Integer.toString(D.patience()),
            "--batch", Integer.toString(D.batchSize()),
            "--width", Integer.toString(D.width()),
            "--learning-rate", Double.toString(D.learningRate()),
            "--learning-rate-decay", Double.toString(D.learningRateDecay()),
            "--validation-fraction", Double.toString(D.validationFraction()),
            "--max-minutes", Double.toString(D.maxMinutes()));

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        return argSpec instanceof CommandLine.Model.OptionSpec option ? VALUES.get(option.longestName()) : null;
    }
}
