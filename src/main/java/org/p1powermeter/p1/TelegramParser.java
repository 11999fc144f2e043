package org.p1powermeter.p1;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Turns the bytes of one framed telegram ({@code /} … {@code !} line) into a {@link Telegram} of COSEM objects.
 *
 * <p>Lenient by design: a line that cannot be read is skipped and reported as a {@link ParseIssue}, unknown OBIS
 * ids are kept, and {@link #parse} never throws for any input bytes. Timestamps are read in the configured zone.
 * One pass over the bytes, no regex; value texts are built only when asked for. Thread-safe (no shared state).
 */
public final class TelegramParser {

    /**
     * The meter zone unless another is configured: the one definition of this default (the Python script's meters are
     * Swedish; {@code meter_zone} in the config, {@link org.p1powermeter.measure.MeasurementExtractor}'s default).
     */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");

    private final ZoneId zone;
    private final ObisCache obisCache = new ObisCache();

    public TelegramParser() {
        this(DEFAULT_ZONE);
    }

    /** @param zone the meter's local time zone for {@code YYMMDDhhmmssX} timestamps */
    public TelegramParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    /** Parses one telegram; problems are reported in {@link Telegram#issues()}, never thrown. */
    public Telegram parse(RawTelegram raw) {
        if (raw == null || raw.bytes() == null) {
            return new Telegram(raw, "", List.of(), null, List.of(new ParseIssue(0, "", "no telegram bytes")));
        }
        try {
            return new TelegramReader(raw, zone, obisCache).read();
        } catch (RuntimeException e) {
            // a parser bug must not take the route down; report it like any unreadable input
            return new Telegram(raw, "", List.of(), null,
                    List.of(new ParseIssue(0, "", "internal parser error: " + e)));
        }
    }
}
