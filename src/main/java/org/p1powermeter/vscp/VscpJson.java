package org.p1powermeter.vscp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classic VSCP JSON event (the one pyvscp, node-vscp and vscpd 15.0 read; VSCP specification,
 * vscp_over_mqtt.md), keys in this order: {@code vscpHead, vscpObId,
 * vscpDateTime, vscpTimeStamp, vscpClass, vscpType, vscpGuid, vscpData, vscpNote, measurement{value, unit,
 * sensorindex, zone, subzone}}. {@code vscpNote} and {@code measurement} are left out when the event has none.
 * {@code vscpDateTime} is {@code yyyy-MM-ddTHH:mm:ssZ} (UTC, seconds); {@code measurement.value} is the exact
 * plain decimal. Writing streams through a {@link JsonGenerator} (no reflection), one reused per thread; thread-safe.
 * The key names, and the GUID and note texts (the same few for every event of a bridge), are written as
 * pre-encoded {@link SerializedString}s: quoted and escaped once, then copied as bytes. Reading ({@link #fromJson})
 * is in {@link VscpJsonReader}, the only one that needs Jackson databind.
 */
public final class VscpJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private static final SerializedString HEAD = new SerializedString("vscpHead");
    private static final SerializedString OBID = new SerializedString("vscpObId");
    private static final SerializedString DATE_TIME = new SerializedString("vscpDateTime");
    private static final SerializedString TIME_STAMP = new SerializedString("vscpTimeStamp");
    private static final SerializedString CLASS = new SerializedString("vscpClass");
    private static final SerializedString TYPE = new SerializedString("vscpType");
    private static final SerializedString GUID = new SerializedString("vscpGuid");
    private static final SerializedString DATA = new SerializedString("vscpData");
    private static final SerializedString NOTE = new SerializedString("vscpNote");
    private static final SerializedString MEASUREMENT = new SerializedString("measurement");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString UNIT = new SerializedString("unit");
    private static final SerializedString SENSOR_INDEX = new SerializedString("sensorindex");
    private static final SerializedString ZONE = new SerializedString("zone");
    private static final SerializedString SUBZONE = new SerializedString("subzone");

    /** Pre-encoded GUID and note texts; bounded (a text past the bound is simply encoded each time). */
    private static final Map<String, SerializedString> TEXTS = new ConcurrentHashMap<>();
    private static final int MAX_TEXTS = 1024;

    /** One generator per thread, writing into a reused builder: per event only the result array is new. */
    private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);
    /** The last {@link #isoSeconds} result: the events of one telegram share their time. */
    private static volatile IsoSecond lastIsoSecond = new IsoSecond(Long.MIN_VALUE, "");

    private record IsoSecond(long epochSecond, String text) {
    }

    private static final class Writer {
        final ByteArrayBuilder out = new ByteArrayBuilder(512);
        private JsonGenerator generator;

        JsonGenerator generator() throws IOException {
            JsonGenerator g = generator;
            if (g == null) {
                g = FACTORY.createGenerator(out);
                g.setRootValueSeparator(null); // events are written one after another: no space between them
                generator = g;
            }
            return g;
        }

        void discard() {
            generator = null;
        }
    }

    private VscpJson() {
    }

    public static byte[] toJsonBytes(VscpEvent event) {
        Writer w = WRITERS.get();
        try {
            JsonGenerator g = w.generator();
            write(g, event);
            g.flush();
            return w.out.toByteArray();
        } catch (IOException e) {
            w.discard();
            throw new UncheckedIOException(e); // cannot happen on a byte array
        } catch (RuntimeException e) {
            w.discard(); // the generator stopped half way through the event: start the next one afresh
            throw e;
        } finally {
            w.out.reset();
        }
    }

    public static String toJson(VscpEvent event) {
        return new String(toJsonBytes(event), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, VscpEvent e) throws IOException {
        g.writeStartObject();
        number(g, HEAD, e.head());
        number(g, OBID, e.obid());
        g.writeFieldName(DATE_TIME);
        g.writeString(isoSeconds(e.dateTime()));
        number(g, TIME_STAMP, e.timeStamp());
        number(g, CLASS, e.vscpClass());
        number(g, TYPE, e.vscpType());
        g.writeFieldName(GUID);
        g.writeString(text(e.guid().toString()));
        g.writeFieldName(DATA);
        g.writeStartArray();
        for (byte b : e.data()) {
            g.writeNumber(b & 0xFF);
        }
        g.writeEndArray();
        if (e.note() != null) {
            g.writeFieldName(NOTE);
            g.writeString(text(e.note()));
        }
        VscpEvent.Measurement m = e.measurement();
        if (m != null) {
            g.writeFieldName(MEASUREMENT);
            g.writeStartObject();
            g.writeFieldName(VALUE);
            g.writeNumber(m.value().toPlainString()); // raw, exact: 6678.394 stays 6678.394
            number(g, UNIT, m.unit());
            number(g, SENSOR_INDEX, m.sensorIndex());
            number(g, ZONE, m.zone());
            number(g, SUBZONE, m.subzone());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static SerializableString text(String s) {
        SerializedString known = TEXTS.get(s);
        if (known == null) {
            known = new SerializedString(s);
            if (TEXTS.size() < MAX_TEXTS) {
                TEXTS.put(s, known);
            }
        }
        return known;
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} in UTC, fractions dropped. */
    static String isoSeconds(Instant t) {
        IsoSecond last = lastIsoSecond;
        if (last.epochSecond == t.getEpochSecond()) {
            return last.text;
        }
        String text = formatIsoSeconds(t);
        lastIsoSecond = new IsoSecond(t.getEpochSecond(), text);
        return text;
    }

    private static String formatIsoSeconds(Instant t) {
        LocalDateTime u = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = u.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("vscpDateTime year out of range 0-9999: " + t);
        }
        char[] c = new char[20];
        put(c, 0, year / 100);
        put(c, 2, year % 100);
        c[4] = '-';
        put(c, 5, u.getMonthValue());
        c[7] = '-';
        put(c, 8, u.getDayOfMonth());
        c[10] = 'T';
        put(c, 11, u.getHour());
        c[13] = ':';
        put(c, 14, u.getMinute());
        c[16] = ':';
        put(c, 17, u.getSecond());
        c[19] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int twoDigits) {
        c[at] = (char) ('0' + twoDigits / 10);
        c[at + 1] = (char) ('0' + twoDigits % 10);
    }

    /**
     * Reads an event written by {@link #toJson} (or any classic-key event with all of vscpHead … vscpData); the
     * work is in {@link VscpJsonReader}.
     *
     * @throws IllegalArgumentException when the text is not JSON, or a field is missing or out of range
     */
    public static VscpEvent fromJson(String json) {
        return VscpJsonReader.read(json);
    }
}
