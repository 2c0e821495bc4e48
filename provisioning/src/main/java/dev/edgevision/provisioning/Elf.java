package dev.edgevision.provisioning;

/** The few ELF header fields that say which machine a native library is for. */
final class Elf {
    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;

    private Elf() {
    }

    static boolean isElf(byte[] b) {
        return b.length >= 20 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    /** e_machine of an ELF file (little- or big-endian), or -1 if it is not one. */
    static int machine(byte[] b) {
        if (!isElf(b)) {
            return -1;
        }
        boolean little = b[5] == 1;
        return little ? (b[18] & 0xff) | (b[19] & 0xff) << 8 : (b[19] & 0xff) | (b[18] & 0xff) << 8;
    }

    /** A 64-bit AArch64 ELF for the System V (0) or GNU/Linux (3) ABI. */
    static boolean isLinuxAarch64(byte[] b) {
        return isElf(b) && b[4] == 2 && machine(b) == EM_AARCH64 && (b[7] == 0 || b[7] == 3);
    }
}
