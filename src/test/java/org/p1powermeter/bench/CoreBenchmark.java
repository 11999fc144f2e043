package org.p1powermeter.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.p1powermeter.measure.MeasurementExtractor;
import org.p1powermeter.p1.FrameListener;
import org.p1powermeter.p1.FramerOptions;
import org.p1powermeter.p1.FramerStats;
import org.p1powermeter.p1.RawTelegram;
import org.p1powermeter.p1.TelegramFramer;
import org.p1powermeter.p1.TelegramParser;
import org.p1powermeter.vscp.Guid;
import org.p1powermeter.vscp.VscpEncoding;
import org.p1powermeter.vscp.VscpEvent;
import org.p1powermeter.vscp.VscpEventFactory;
import org.p1powermeter.vscp.VscpJson;

/**
 * The core's speed on one thread (one core): telegrams/s for frame + CRC + parse + measurements, and events/s
 * for VSCP JSON encoding. Run: {@code mvn -B -q -Pbench test-compile exec:exec} (see README, Performance).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CoreBenchmark {

    @Param({"v5_iskra_mt382_1000.txt", "v4_2_kaifa.txt"})
    public String telegramFile;

    private byte[] telegram;
    private TelegramFramer framer;
    private final TelegramParser parser = new TelegramParser(ZoneId.of("Europe/Amsterdam"));
    private final MeasurementExtractor extractor = new MeasurementExtractor(ZoneId.of("Europe/Amsterdam"));
    private final VscpEventFactory factory = VscpEventFactory.withDefaults(VscpEncoding.MEASUREMENT_STR,
            Guid.fromMac(new byte[] {(byte) 0xB8, 0x27, (byte) 0xEB, (byte) 0x8B, 0x57, 0x15}, 0));
    private List<VscpEvent> events;
    private Blackhole sink;
    private int next;

    @Setup
    public void setUp(Blackhole blackhole) throws IOException {
        try (InputStream in = CoreBenchmark.class.getResourceAsStream("/corpus/dsmr_parser/" + telegramFile)) {
            telegram = in.readAllBytes();
        }
        sink = blackhole;
        framer = new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram raw) {
                sink.consume(extractor.extract(parser.parse(raw)).measurements());
            }
        });
        events = extractor.extract(parser.parse(frameOnce(telegram))).measurements().stream()
                .map(m -> factory.create(m, Instant.now(), true)).toList();
        // a benchmark that framed nothing (CRC mismatch, drop) would measure an empty loop: refuse to run
        framer.feed(telegram, 0, telegram.length);
        FramerStats stats = framer.stats();
        if (stats.telegrams() != 1 || stats.totalDroppedBytes() != 0 || events.isEmpty()) {
            throw new IllegalStateException(telegramFile + ": expected one clean telegram with measurements, got "
                    + stats + ", " + events.size() + " events");
        }
    }

    /** One telegram: framed from its bytes (CRC in the same pass), parsed, turned into measurements. */
    @Benchmark
    public void frameCrcParseMeasurements() {
        framer.feed(telegram, 0, telegram.length);
    }

    /** VSCP JSON encoding of one event (the events of the telegram in turn): the score is events/s. */
    @Benchmark
    public byte[] vscpJsonOfOneEvent() {
        VscpEvent e = events.get(next);
        next = next + 1 == events.size() ? 0 : next + 1;
        return VscpJson.toJsonBytes(e);
    }

    private static RawTelegram frameOnce(byte[] bytes) {
        RawTelegram[] out = new RawTelegram[1];
        TelegramFramer f = new TelegramFramer(FramerOptions.defaults(), new FrameListener() {
            @Override
            public void onTelegram(RawTelegram raw) {
                out[0] = raw;
            }
        });
        f.feed(bytes, 0, bytes.length);
        return out[0];
    }
}
