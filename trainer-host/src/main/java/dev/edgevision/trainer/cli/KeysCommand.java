package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.trust.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trainer keys}: the keys bundles are signed with. */
@Command(name = "keys", header = "Make the keys bundles are signed with.",
        subcommands = {KeysCommand.Generate.class, CommandLine.HelpCommand.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** {@code trainer keys generate}: a new Ed25519 key pair. */
    @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Make an Ed25519 signing key and the line devices trust it by.",
            description = {
                "Writes the private key to --out, readable by you only (0600; never",
                "overwritten), and the public line 'KEYID trusted BASE64' to OUT.pub. Add that",
                "line to each device's trust store (update.trust_store); keep the private key",
                "on this workstation. Prints one JSON line with the public line.",
                "",
                "Example:",
                "  trainer keys generate --key-id lab-2026 --out keys/lab-2026.key"})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--key-id", required = true, paramLabel = "ID",
                description = "The key's id in signatures and trust stores: letters, digits, '.', '_', '-'.")
        String keyId;

        @Option(names = "--out", paramLabel = "FILE", description = "The private key file (default: ID.key).")
        Path out;

        @Override
        public Integer call() throws Exception {
            SigningKey key;
            try {
                key = SigningKey.generate(keyId);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--key-id: " + e.getMessage());
            }
            Path file = out == null ? Path.of(keyId + ".key") : out;
            Path pub = file.resolveSibling(file.getFileName() + ".pub");
            if (Files.exists(pub)) {
                throw new UsageException(pub + " exists already; choose another --out");
            }
            key.write(file);
            Files.writeString(pub, key.trustLine() + "\n");
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("key_id", key.keyId());
            line.put("private_key", file.toString());
            line.put("public_file", pub.toString());
            line.put("trust_line", key.trustLine());
            System.out.println(new ObjectMapper().writeValueAsString(line));
            return 0;
        }
    }
}
