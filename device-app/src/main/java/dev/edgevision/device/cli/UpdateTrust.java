package dev.edgevision.device.cli;

import dev.edgevision.core.trust.BundleRefusedException;
import dev.edgevision.core.trust.CheckedBundle;
import dev.edgevision.core.trust.Compatibility;
import dev.edgevision.core.trust.TrustStore;
import dev.edgevision.core.trust.TrustStoreException;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.update.BundleCheck;
import dev.edgevision.device.update.OpenedBundleCheck;
import dev.edgevision.device.update.TrustedBundleCheck;
import dev.edgevision.device.update.UpdateEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the service trusts bundles, from {@code update.trust_store} and {@code update.allow_unsigned}:
 * with a trust store every update bundle and the bundle the service starts with must pass
 * {@link TrustedBundleCheck}; without one, bundles are only opened and hash-checked.
 */
final class UpdateTrust {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateTrust.class);
    /** The TensorRT major version the tensorrt-bridge is built against. */
    static final int TENSORRT_MAJOR = 10;

    private UpdateTrust() {
    }

    /** The trusted check when a trust store is configured, else null. */
    static TrustedBundleCheck trusted(ApplianceConfig config, Path home, Path stateDir) {
        ApplianceConfig.UpdateSection u = config.update();
        if (u == null || u.trustStore() == null) {
            return null;
        }
        TrustStore store;
        try {
            store = TrustStore.load(home.resolve(u.trustStore()));
        } catch (TrustStoreException e) {
            throw new IllegalStateException("update.trust_store: " + e.getMessage(), e);
        }
        boolean allowUnsigned = Boolean.TRUE.equals(u.allowUnsigned());
        if (allowUnsigned) {
            LOG.warn("update: update.allow_unsigned is true: unsigned bundles are taken (each logged); signed ones"
                    + " must still verify");
        }
        LOG.info("update: bundles must be signed by a key of {} ({} key(s))", store.source(), store.keys().size());
        return new TrustedBundleCheck(store, compatibility(config), allowUnsigned, UpdateEngine.storeDir(stateDir));
    }

    /** What this device serves: its software version, and TensorRT's major unless the backend is ONNX Runtime. */
    static Compatibility compatibility(ApplianceConfig config) {
        Integer tensorrt = "onnxruntime".equals(config.model().backend()) ? null : TENSORRT_MAJOR;
        return Compatibility.of(SoftwareVersion.get(), tensorrt);
    }

    /** The check update jobs use. */
    static BundleCheck check(ApplianceConfig config, TrustedBundleCheck trusted) {
        if (trusted == null) {
            LOG.warn("update: update.trust_store is not set: bundles are checked against their own hashes but not"
                    + " for a signature");
            return new OpenedBundleCheck(compatibility(config));
        }
        return trusted;
    }

    /**
     * The first of {@code candidates} (the store's current bundle, then the configured one) that verifies;
     * each refused one is logged with its code. Refuses to start when none does.
     */
    static Path servingBundle(TrustedBundleCheck trusted, List<Path> candidates) {
        List<String> refusals = new ArrayList<>();
        Set<Path> distinct = new LinkedHashSet<>(candidates);
        for (Path candidate : distinct) {
            try {
                CheckedBundle checked = trusted.verifyServing(candidate);
                LOG.info("model: {} is signed by {} (sequence {})", candidate, checked.signedBy() == null
                        ? "nobody (unsigned, allowed by update.allow_unsigned)" : "key '" + checked.signedBy() + "'",
                        checked.sequence());
                return candidate;
            } catch (BundleRefusedException e) {
                LOG.error("model: refused [{}]: {}", e.code(), e.getMessage());
                refusals.add("[" + e.code() + "] " + e.getMessage());
            } catch (IOException e) {
                refusals.add(candidate + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("no model bundle passes the trust check of update.trust_store: "
                + String.join("; ", refusals) + ". Sign the bundle with 'trainer bundle sign' or add its key to the"
                + " trust store");
    }
}
