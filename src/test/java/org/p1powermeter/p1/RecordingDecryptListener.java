package org.p1powermeter.p1;

import java.util.ArrayList;
import java.util.List;

/** Keeps what an {@link EncryptedFrameReader} reported, in order. */
final class RecordingDecryptListener implements DecryptListener {

    record Failure(DecryptFailure reason, int bytes, String detail) {
    }

    final List<byte[]> plaintexts = new ArrayList<>();
    final List<Failure> failures = new ArrayList<>();
    long noise;

    @Override
    public void onPlaintext(byte[] telegram) {
        plaintexts.add(telegram);
    }

    @Override
    public void onDecryptFailure(DecryptFailure reason, int byteCount, String detail) {
        failures.add(new Failure(reason, byteCount, detail));
    }

    @Override
    public void onNoise(int byteCount) {
        noise += byteCount;
    }

    List<DecryptFailure> reasons() {
        return failures.stream().map(Failure::reason).toList();
    }
}
