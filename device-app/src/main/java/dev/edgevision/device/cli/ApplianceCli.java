package dev.edgevision.device.cli;

import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code appliance}: the device application. {@code run} is the service, {@code detect} runs the
 * same pipeline over files, {@code demo} shows it all on a laptop. Errors the user can fix are one
 * line on standard error; {@code --verbose} adds stack traces.
 */
@Command(name = "appliance", mixinStandardHelpOptions = true,
        versionProvider = ApplianceCli.Version.class,
        description = {"The edge vision appliance: cameras in, detections out over MQTT."},
        subcommands = {DemoCommand.class, RunCommand.class, DetectCommand.class, BenchCommand.class, SoakCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 failure, 2 bad command line."})
public final class ApplianceCli implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces and debug logs.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The program: standard output and error pass through {@link RedactingOutput}, so no secret is printed. */
    public static void main(String[] args) {
        RedactingOutput.install();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        configureLogging(verbose);
        CommandLine cli = new CommandLine(new ApplianceCli());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            System.err.println("appliance " + commandLine.getCommandName() + ": error: " + Errors.describe(e));
            if (verbose) {
                e.printStackTrace(System.err);
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** One line per log record on standard error (journald adds the time on a device). */
    static void configureLogging(boolean verbose) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "info");
        System.setProperty("org.slf4j.simpleLogger.log.io.moquette", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        Logger root = Logger.getLogger("");
        Arrays.stream(root.getHandlers()).forEach(root::removeHandler);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(verbose ? Level.FINE : Level.INFO);
        root.addHandler(handler);
        root.setLevel(verbose ? Level.FINE : Level.INFO);
        Logger.getLogger("org.eclipse.paho").setLevel(verbose ? Level.INFO : Level.WARNING);
    }

    /** Version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"appliance " + SoftwareVersion.get()};
        }
    }
}
