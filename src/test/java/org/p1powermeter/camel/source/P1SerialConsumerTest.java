package org.p1powermeter.camel.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.p1.Crc16Arc;

/** The serial consumer's states, retries and auto-detection, against a scripted port instead of hardware. */
class P1SerialConsumerTest {

    private static final byte[] TELEGRAM = signed("/ISK5\\2M550T-1012\r\n\r\n1-0:1.8.1(000123.456*kWh)\r\n!");

    private final FakePort port = new FakePort();
    private final P1Metrics metrics = new P1Metrics();
    private final AtomicInteger delivered = new AtomicInteger();
    private CamelContext context;
    private P1SerialConsumer consumer;

    /** A port that exists when {@link #present} is set and answers reads from {@link #incoming}. */
    static final class FakePort implements SerialLink.Factory {
        volatile boolean present;
        volatile boolean failReads;
        volatile boolean instantReads;
        volatile LineSettings speaks = LineSettings.DSMR4;
        final AtomicInteger attempts = new AtomicInteger();
        final List<LineSettings> opened = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();

        @Override
        public SerialLink.OpenResult open(String path, LineSettings settings) {
            attempts.incrementAndGet();
            if (!present) {
                return SerialLink.OpenResult.failed("cannot open (error 2)");
            }
            opened.add(settings);
            return SerialLink.OpenResult.opened(new SerialLink() {
                @Override
                public int read(byte[] buf) {
                    if (failReads) {
                        return -1;
                    }
                    if (instantReads) {
                        return 0;
                    }
                    try {
                        byte[] b = incoming.poll(100, TimeUnit.MILLISECONDS);
                        if (b == null || !settings.equals(speaks)) {
                            return 0; // at the wrong speed nothing frames
                        }
                        System.arraycopy(b, 0, buf, 0, b.length);
                        return b.length;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return 0;
                    }
                }

                @Override
                public String lastError() {
                    return "error 5";
                }

                @Override
                public void close() {
                }
            });
        }
    }

    private void start(String options) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("fakePort", port);
        context.getRegistry().bind("metrics", metrics);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("p1serial:/fake/ttyUSB0?linkFactory=#fakePort&maxReconnectDelay=200" + options).routeId("serial")
                        .process(e -> delivered.incrementAndGet());
            }
        });
        context.start();
        consumer = (P1SerialConsumer) context.getRoute("serial").getConsumer();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void anAbsentPortIsRetriedWithBackoffReportedUnhealthyAndPickedUpWhenItAppears() throws Exception {
        start("");
        await(() -> consumer.portState() == P1SerialConsumer.PortState.ABSENT);
        int before = port.attempts.get();
        Thread.sleep(1000);
        int perSecond = port.attempts.get() - before;
        assertTrue(perSecond >= 3 && perSecond <= 8, "retries at the 200 ms ceiling, not a busy loop: " + perSecond);
        assertFalse(metrics.isHealthy());
        assertEquals("ABSENT", metrics.getPortState());

        port.present = true;
        port.incoming.add(TELEGRAM);
        await(() -> delivered.get() == 1);
        assertEquals(P1SerialConsumer.PortState.RECEIVING, consumer.portState());
        assertTrue(metrics.isHealthy());
        assertEquals(1, metrics.getTelegramsOk());
        assertEquals(0, metrics.getReconnects(), "the first open is not a reconnect");
    }

    @Test
    void aLostPortIsReopenedAndCountedAsAReconnect() throws Exception {
        port.present = true;
        start("");
        port.incoming.add(TELEGRAM);
        await(() -> delivered.get() == 1);
        port.present = false;
        port.failReads = true;
        await(() -> consumer.portState() == P1SerialConsumer.PortState.ABSENT);
        assertFalse(metrics.isHealthy());
        port.failReads = false;
        port.present = true;
        port.incoming.add(TELEGRAM);
        await(() -> delivered.get() == 2);
        assertEquals(1, metrics.getReconnects());
        assertTrue(metrics.isHealthy());
    }

    @Test
    void readsThatReturnAtOnceWithoutDataCountAsALostPortNotABusyLoop() throws Exception {
        port.present = true;
        port.instantReads = true;
        start("");
        await(() -> metrics.getReconnects() >= 1);
        long before = metrics.getReconnects();
        Thread.sleep(1000);
        long perSecond = metrics.getReconnects() - before;
        assertTrue(perSecond >= 1 && perSecond <= 6, "reopened with backoff, not spinning: " + perSecond + "/s");
        assertFalse(metrics.isHealthy());
    }

    @Test
    void autoDetectSwitchesASilentPortTo9600SevenEvenOneAndStaysThere() throws Exception {
        port.present = true;
        port.speaks = LineSettings.DSMR3;
        start("&telegramTimeout=1&autoDetect=true");
        await(() -> port.opened.size() >= 2);
        assertEquals(List.of(LineSettings.DSMR4, LineSettings.DSMR3), port.opened.subList(0, 2));
        assertEquals(P1SerialConsumer.PortState.SILENT, consumer.portState());
        assertTrue(metrics.getPortStateDetail().contains("autoDetect: reopening with 9600 7E1"), metrics.getPortStateDetail());
        await(() -> {
            port.incoming.offer(TELEGRAM);
            return delivered.get() >= 1;
        });
        assertEquals(LineSettings.DSMR3, consumer.lineSettings());
        assertEquals(P1SerialConsumer.PortState.RECEIVING, consumer.portState());
    }

    @Test
    void withoutAutoDetectASilentPortIsReopenedWithTheSameSettingsAndAHint() throws Exception {
        port.present = true;
        start("&telegramTimeout=1");
        port.incoming.add("garbage without a slash".getBytes(StandardCharsets.US_ASCII));
        await(() -> port.opened.size() >= 2);
        assertEquals(List.of(LineSettings.DSMR4, LineSettings.DSMR4), port.opened.subList(0, 2));
        assertEquals("SILENT", metrics.getPortState());
        assertTrue(metrics.getPortStateDetail().contains("DSMR 2.2/3 meters send 9600 7E1"), metrics.getPortStateDetail());
    }

    @Test
    void aMeterThatStopsSendingIsNotToldThatBytesArriveWithoutTelegrams() throws Exception {
        port.present = true;
        start("&telegramTimeout=1");
        port.incoming.add(TELEGRAM);
        await(() -> delivered.get() == 1);
        await(() -> "SILENT".equals(metrics.getPortState()));
        String detail = metrics.getPortStateDetail();
        assertTrue(detail.contains("no bytes since the last telegram: the meter stopped sending"), detail);
        assertFalse(detail.contains("frames"), detail);
    }

    @Test
    void aPortThatNeverSendsAByteIsToldSo() throws Exception {
        port.present = true;
        start("&telegramTimeout=0.5");
        await(() -> "SILENT".equals(metrics.getPortState()));
        String detail = metrics.getPortStateDetail();
        assertTrue(detail.contains("no bytes at all: check the cable"), detail);
    }

    @Test
    void aHalfSecondTimeoutReopensASilentPortAfterHalfASecondNotNever() throws Exception {
        port.present = true;
        long started = System.nanoTime();
        start("&telegramTimeout=0.5");
        assertEquals(java.time.Duration.ofMillis(500), ((P1SerialEndpoint) consumer.getEndpoint()).telegramTimeoutDuration());
        await(() -> port.opened.size() >= 2);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 500, "not before the timeout: " + millis + " ms");
        assertEquals("SILENT", metrics.getPortState());
        assertTrue(metrics.getPortStateDetail().startsWith("no telegram for 0.5 s at 115200 8N1"), metrics.getPortStateDetail());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static byte[] signed(String throughBang) {
        byte[] head = throughBang.getBytes(StandardCharsets.ISO_8859_1);
        return (throughBang + String.format("%04X", Crc16Arc.compute(head, 0, head.length)) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
