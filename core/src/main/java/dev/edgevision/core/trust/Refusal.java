package dev.edgevision.core.trust;

import java.util.Locale;

/** Why a bundle was refused; {@link #code()} is the stable machine code jobs and status carry. */
public enum Refusal {
    /** The file cannot be read (missing, permissions, I/O error). */
    UNREADABLE,
    /** Not a zip archive, cut short, or no manifest. */
    NOT_A_BUNDLE,
    /** An entry whose name or kind is not allowed: {@code ..}, absolute, backslashes, links, duplicates. */
    BAD_ENTRY,
    /** A file the manifest does not list. */
    UNLISTED_FILE,
    /** A file the manifest lists that is not there. */
    MISSING_FILE,
    /** A file whose content does not match its sha256, or is damaged in the archive. */
    HASH_MISMATCH,
    /** An entry, the manifest or the whole larger than declared or allowed (a zip bomb, for one). */
    TOO_LARGE,
    /** The manifest is not valid JSON or not complete. */
    BAD_MANIFEST,
    /** No signature, and unsigned bundles are not accepted. */
    UNSIGNED,
    /** The signature does not verify over the manifest, or cannot be read. */
    BAD_SIGNATURE,
    /** Signed with a key the trust store does not hold. */
    UNKNOWN_KEY,
    /** Signed with a key the trust store marks revoked. */
    REVOKED_KEY,
    /** The same sequence as the newest accepted for this model name: the bundle was sent again. */
    REPLAYED,
    /** A sequence lower than the newest accepted for this model name, without a downgrade being asked for. */
    DOWNGRADE,
    /** Task, input, app version or TensorRT version that this device cannot serve. */
    INCOMPATIBLE;

    /** The snake_case code, e.g. {@code bad_signature}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
