package org.p1powermeter.p1;

/** Byte-array editing shared by the fuzz tests. */
final class TestBytes {

    private TestBytes() {
    }

    /** {@code b} with {@code b[from, to)} replaced by {@code insert}. */
    static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
