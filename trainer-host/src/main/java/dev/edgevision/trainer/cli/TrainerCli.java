package dev.edgevision.trainer.cli;

import dev.edgevision.trainer.backend.Nd4jSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer}: trains, evaluates and exports the appliance's models on a workstation.
 * Errors the user can fix are one line on standard error and a non-zero exit; {@code --verbose}
 * adds the stack trace.
 */
@Command(name = "trainer",
        mixinStandardHelpOptions = true,
        versionProvider = TrainerCli.Version.class,
        description = {
            "Trains, evaluates and exports the edge vision appliance's models.",
            "",
            "Start with 'trainer train': it trains the digit classifier on the bundled",
            "9,000-digit MNIST sample, evaluates it on the held-out test split, writes an",
            "HTML report and a model bundle a device can load. 'trainer train-detector'",
            "trains the digit (or your own objects') detector; 'trainer bundle' wraps a",
            "detector trained elsewhere (YOLOv5/v8, SSD ONNX) into a bundle; 'trainer keys",
            "generate' and 'trainer bundle sign' sign bundles for devices with a trust",
            "store; 'trainer deploy' sends a bundle to devices over MQTT and follows the",
            "update."},
        subcommands = {TrainCommand.class, TrainDetectorCommand.class, EvaluateCommand.class, ExportCommand.class, QuantizeCommand.class,
            BundleCommand.class, KeysCommand.class, ScenesCommand.class, AddSamplesCommand.class, BenchTrainCommand.class,
            DeployCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 failure (bad input, failed run), 2 bad command line."})
public final class TrainerCli implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and library logs on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        Nd4jSetup.configure();
        Logging.configure(verbose);
        CommandLine cli = new CommandLine(new TrainerCli());
        cli.setExecutionExceptionHandler(new ErrorReporter(verbose));
        return cli.execute(args);
    }

    /** Version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TrainerCli.class.getPackage().getImplementationVersion();
            return new String[] {"trainer " + (v == null ? "development build" : v)};
        }
    }
}
