package org.p1powermeter.p1;

/** Why an encrypted P1 frame gave no telegram; each says what the user should check. */
public enum DecryptFailure {
    /** The frame does not decrypt to a telegram with this key: the GCM tag fails and the text is not P1. */
    WRONG_KEY("check decryption_key: the 32 hex digits the grid operator gave for this meter (the GUEK)"),
    /**
     * The text decrypts to a telegram but the GCM tag does not match: the authentication key differs, or the frame
     * was altered on the way.
     */
    TAG_MISMATCH("the decryption key is right but the GCM tag does not match: check authentication_key (Smarty"
            + " meters use the default; some Austrian meters need their own) or the cable, which may corrupt bytes"),
    /** The frame counter is not higher than the last one accepted: a replayed or reordered frame. */
    COUNTER_BACKWARDS("the frame counter went backwards or repeated (a replayed or reordered frame); if the meter was"
            + " replaced or reset, restart the bridge"),
    /** The frame ended (input ended, connection dropped, or the next frame began) before its declared length. */
    TRUNCATED("the frame was cut short: check the connection or cable"),
    /**
     * The bytes after {@code DB} are not a frame header (system title length 8, a length of 18 bytes up to the
     * size limit).
     */
    MALFORMED("not an encrypted P1 frame: check that the meter encrypts its port (else remove decryption_key) and"
            + " the serial settings (115200 8N1)");

    private final String hint;

    DecryptFailure(String hint) {
        this.hint = hint;
    }

    /** What to check, for the log line. */
    public String hint() {
        return hint;
    }
}
