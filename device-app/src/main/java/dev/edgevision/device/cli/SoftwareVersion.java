package dev.edgevision.device.cli;

/** The software version as the jar's manifest states it. */
final class SoftwareVersion {
    private SoftwareVersion() {
    }

    static String get() {
        String v = SoftwareVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
