package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.TamperCases;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.config.ConfigException;
import dev.edgevision.device.config.ConfigLoader;
import dev.edgevision.device.update.TrustedBundleCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update.trust_store keys, and which bundle the service starts with when some are refused. */
class UpdateTrustTest {
    static final Path DIGITS = Path.of("..", "models", "digits.vbundle").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    ApplianceConfig config(String trustStore, Boolean allowUnsigned) {
        return new ApplianceConfig(new ApplianceConfig.DeviceSection("d"), new ApplianceConfig.ModelSection(
                DIGITS.toString(), "onnxruntime", null, 1), List.of(new ApplianceConfig.CameraSection("c",
                        "synthetic://digits")), null, null, new ApplianceConfig.UpdateSection(true, null, null, null,
                                trustStore, allowUnsigned));
    }

    @Test
    void theKeysLoadFromYamlAndAllowUnsignedNeedsATrustStore() throws Exception {
        String yaml = """
                device: {id: d}
                model: {bundle: models/digits.vbundle}
                cameras: [{name: c, uri: "synthetic://digits"}]
                update:
                  trust_store: /etc/edgevision/trusted-keys
                  allow_unsigned: true
                """;
        ApplianceConfig c = ConfigLoader.load(Files.writeString(dir.resolve("a.yaml"), yaml), Map.of());
        assertEquals("/etc/edgevision/trusted-keys", c.update().trustStore());
        assertTrue(c.update().allowUnsigned());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Files.writeString(
                dir.resolve("b.yaml"), yaml.replace("  trust_store: /etc/edgevision/trusted-keys\n", "")), Map.of()));
        assertTrue(e.getMessage().contains("update.allow_unsigned is true but update.trust_store is not set"),
                e.getMessage());
    }

    @Test
    void aBadTrustStoreStopsTheStartNamingKeyFileAndLine() throws Exception {
        Path store = Files.writeString(dir.resolve("keys"), "# keys\nlab trusted nonsense\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UpdateTrust.trusted(
                config(store.toString(), null), dir, dir.resolve("state")));
        assertTrue(e.getMessage().startsWith("update.trust_store: " + store + ": line 2"), e.getMessage());
    }

    @Test
    void aRefusedStoreBundleFallsBackToTheConfiguredOneAndNoneVerifyingStopsTheStart() throws Exception {
        TamperCases.Keys keys = TamperCases.Keys.generate();
        Path store = keys.writeTrustStore(dir.resolve("keys"));
        TrustedBundleCheck check = UpdateTrust.trusted(config(store.toString(), null), dir, dir.resolve("state"));
        Path revoked = dir.resolve("revoked.vbundle");
        BundleSigner.sign(DIGITS, revoked, keys.revoked(), 4, null);
        Path good = dir.resolve("good.vbundle");
        BundleSigner.sign(DIGITS, good, keys.lab(), 4, null);
        assertEquals(good, UpdateTrust.servingBundle(check, List.of(revoked, good)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> UpdateTrust.servingBundle(check, List.of(revoked, DIGITS)));
        assertTrue(e.getMessage().contains("[revoked_key]") && e.getMessage().contains("[unsigned]"), e.getMessage());
        TrustedBundleCheck lenient = UpdateTrust.trusted(config(store.toString(), true), dir, dir.resolve("state"));
        assertEquals(DIGITS, UpdateTrust.servingBundle(lenient, List.of(DIGITS)));
    }
}
