package dev.edgevision.provisioning;

import java.nio.file.Path;

/**
 * A Mosquitto 2 configuration for the fleet's broker: a TLS listener that requires a client
 * certificate signed by the fleet CA and takes the certificate's CN (the device id) as the user
 * name, and an ACL file by which a device may publish only under its own prefix
 * ({@code PREFIX/DEVICE/#}) and read only its own commands and jobs; an operator certificate
 * (CN {@code operator} by default) may read everything and send commands and jobs to any device.
 *
 * @param prefix the fleet's topic prefix ({@code vision})
 * @param operator the CN of the certificate that operates the fleet
 */
public record MosquittoConfig(String prefix, String operator) {
    /** {@code mosquitto.conf} lines for a listener on {@code bind:port}, with the given files. */
    public String listener(String bind, int port, Path ca, Path cert, Path key, Path acl) {
        return String.join("\n",
                "# Edge vision fleet broker, written by 'provision mosquitto'. Devices connect with mutual TLS:",
                "# the fleet CA signed their certificates, and the CN is their MQTT user name.",
                "per_listener_settings false",
                "allow_anonymous false",
                "listener " + port + (bind == null ? "" : " " + bind),
                "protocol mqtt",
                "cafile " + ca,
                "certfile " + cert,
                "keyfile " + key,
                "tls_version tlsv1.2",
                "require_certificate true",
                "use_identity_as_username true",
                "acl_file " + acl,
                "");
    }

    /** The ACL file: per-device patterns ({@code %u} is the certificate's CN) and the operator. */
    public String acl() {
        return String.join("\n",
                "# Written by 'provision mosquitto'. %u is the client certificate's CN: the device id.",
                "# The operator reads everything and commands any device.",
                "user " + operator,
                "topic read " + prefix + "/#",
                "topic write " + prefix + "/+/cmd/#",
                "topic write " + prefix + "/+/jobs/#",
                "",
                "# Every device: publish under its own prefix only; read its own commands and jobs only.",
                "pattern write " + prefix + "/%u/#",
                "pattern read " + prefix + "/%u/cmd/#",
                "pattern read " + prefix + "/%u/jobs/#",
                "");
    }
}
