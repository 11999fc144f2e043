package org.p1powermeter.p1;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * A parsed telegram: the header identification, its COSEM objects in order, the telegram time
 * ({@code 0-0:1.0.0}) and the lines that could not be parsed.
 */
public final class Telegram {

    /** OBIS id of the telegram date-time line. */
    public static final ObisId TIMESTAMP = new ObisId(0, 0, 1, 0, 0);

    private final RawTelegram raw;
    private final String header;
    private final List<CosemObject> objects;
    private final Instant timestamp;
    private final List<ParseIssue> issues;
    /** Lazily built open-addressing index: OBIS key → position in {@link #objects} (first occurrence). */
    private ObjectIndex index;

    private record ObjectIndex(long[] keys, int[] positions, int mask) {
    }

    public Telegram(RawTelegram raw, String header, List<CosemObject> objects, Instant timestamp, List<ParseIssue> issues) {
        this(raw, header, List.copyOf(objects), timestamp, List.copyOf(issues), null);
    }

    /** The lists are unmodifiable already and held by no one else; {@code owned} only tells the constructors apart. */
    private Telegram(RawTelegram raw, String header, List<CosemObject> objects, Instant timestamp,
            List<ParseIssue> issues, Void owned) {
        this.raw = raw;
        this.header = header;
        this.objects = objects;
        this.timestamp = timestamp;
        this.issues = issues;
    }

    /** The parser's telegram: takes over the lists it built (no element may be null; nothing else holds them). */
    static Telegram ofParsed(RawTelegram raw, String header, List<CosemObject> objects, Instant timestamp,
            List<ParseIssue> issues) {
        return new Telegram(raw, header, Collections.unmodifiableList(objects), timestamp,
                issues.isEmpty() ? List.of() : Collections.unmodifiableList(issues), null);
    }

    public RawTelegram raw() {
        return raw;
    }

    /** The identification line without the leading {@code /}, e.g. {@code KFM5KAIFA-METER}. */
    public String header() {
        return header;
    }

    public List<CosemObject> objects() {
        return objects;
    }

    /**
     * The telegram time from {@code 0-0:1.0.0} as the meter's clock says it (also an unset clock, see
     * {@link #isClockUnset()}), or null when the telegram has none (DSMR 2.2/3) or it is a filler.
     */
    public Instant timestamp() {
        return timestamp;
    }

    public List<ParseIssue> issues() {
        return issues;
    }

    /**
     * Whether the meter says its clock is not set ({@code 0-0:1.0.0(000101010000W)}): {@link #timestamp()} is then
     * 2000-01-01 as the meter says, and the caller should warn.
     */
    public boolean isClockUnset() {
        CosemObject clock = get(TIMESTAMP);
        return clock != null && P1Timestamp.isUnsetClock(clock.value().text());
    }

    /** Whether the telegram carried a CRC and it matches its bytes. */
    public boolean isCrcVerified() {
        return raw != null && raw.hasCrc() && raw.crcMatches();
    }

    /** Whether it starts with a {@code /} header line and every line of it was read ({@link #issues()} is empty). */
    public boolean isWellFormed() {
        return raw != null && raw.bytes().length > 0 && raw.bytes()[0] == '/' && issues.isEmpty();
    }

    /**
     * Whether its values may be published: a verified CRC vouches for the bytes (a line that does not parse is then
     * skipped alone); without one (DSMR 2.2/3, {@code crc = off}) only a well-formed telegram is taken, since a
     * telegram cut inside a value and followed by the next one reads as one telegram with a broken line
     * ({@link DropReason#UNVERIFIED_MALFORMED}).
     */
    public boolean isTrustworthy() {
        return isCrcVerified() || isWellFormed();
    }

    /** The object with this id (first occurrence), or null. */
    public CosemObject get(ObisId id) {
        ObjectIndex idx = index;
        if (idx == null) {
            idx = buildIndex();
            index = idx;
        }
        long key = id.key();
        for (int slot = slot(key, idx.mask); ; slot = (slot + 1) & idx.mask) {
            int position = idx.positions[slot];
            if (position < 0) {
                return null;
            }
            if (idx.keys[slot] == key) {
                return objects.get(position);
            }
        }
    }

    private ObjectIndex buildIndex() {
        int size = Integer.highestOneBit(Math.max(4, objects.size() * 2 + 1)) << 1;
        long[] keys = new long[size];
        int[] positions = new int[size];
        java.util.Arrays.fill(positions, -1);
        int mask = size - 1;
        for (int i = 0; i < objects.size(); i++) {
            long key = objects.get(i).obis().key();
            int slot = slot(key, mask);
            while (positions[slot] >= 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (positions[slot] < 0) {
                keys[slot] = key;
                positions[slot] = i;
            }
        }
        return new ObjectIndex(keys, positions, mask);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /**
     * The M-Bus device type (EN 13757-3 medium: 3 gas, 7 water, 4 heat…) of channel {@code n} from
     * {@code 0-n:24.1.0}, or -1 when the telegram does not say.
     */
    public int mbusDeviceType(int channel) {
        CosemObject o = get(new ObisId(0, channel, 24, 1, 0));
        if (o == null) {
            return -1;
        }
        Long type = o.value().integer();
        return type == null ? -1 : type.intValue();
    }

    @Override
    public String toString() {
        return "Telegram[/" + header + ", " + objects.size() + " objects, " + issues.size() + " issues]";
    }
}
