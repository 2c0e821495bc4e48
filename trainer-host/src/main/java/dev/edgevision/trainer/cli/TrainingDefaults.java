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
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("--seed", Long.toString(D.seed())),
            Map.entry("--epochs", Integer.toString(D.maxEpochs())),
            Map.entry("--patience", Integer.toString(D.patience())),
            Map.entry("--batch", Integer.toString(D.batchSize())),
            Map.entry("--width", Integer.toString(D.width())),
            Map.entry("--network", D.shape().name().toLowerCase(java.util.Locale.ROOT)),
            Map.entry("--stroke-change", Double.toString(D.augmentation().maxStrokeChange())),
            Map.entry("--learning-rate", Double.toString(D.learningRate())),
            Map.entry("--learning-rate-decay", Double.toString(D.learningRateDecay())),
            Map.entry("--validation-fraction", Double.toString(D.validationFraction())),
            Map.entry("--max-minutes", Double.toString(D.maxMinutes())));

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        return argSpec instanceof CommandLine.Model.OptionSpec option ? VALUES.get(option.longestName()) : null;
    }
}
