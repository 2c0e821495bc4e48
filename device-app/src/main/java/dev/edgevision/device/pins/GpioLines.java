package dev.edgevision.device.pins;

/**
 * Where the pins' lines come from: one provider (libgpiod, Pi4J's sysfs provider, Pi4J's mock)
 * that requests each line once and holds it until {@link #close()}. Levels are physical (true =
 * high); active-low wiring is handled by the caller.
 */
public interface GpioLines extends AutoCloseable {
    /** A line driven by the service, requested now at {@code initial}, the level it is left at on release. */
    OutputLine output(String pin, boolean initial) throws PinException;

    /** A line read by the service, requested now. */
    InputLine input(String pin) throws PinException;

    /** The provider's name for the log, e.g. {@code gpiod (libgpiod 1.6.3)}. */
    String name();

    /** Releases every line this provider requested. */
    @Override
    void close();

    /** A requested output line. */
    interface OutputLine {
        /** Drives the line high ({@code true}) or low. */
        void level(boolean high) throws PinException;

        /** The pin as configured. */
        String pin();
    }

    /** A requested input line. */
    interface InputLine {
        /** Reads the line: true when high. */
        boolean level() throws PinException;

        /** The pin as configured. */
        String pin();
    }
}
