package org.p1powermeter.camel.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.p1.DecryptionKeys;
import org.p1powermeter.p1.FrameEncrypter;
import org.p1powermeter.p1.RawTelegram;

/**
 * An encrypted meter read through each source component: a capture stream, a TCP server on 127.0.0.1 and a
 * (scripted) serial port; the keys given as a bean or as hex in the URI. Good frames become telegrams, every
 * failure is counted with its reason.
 */
class EncryptedSourcesTest {

    private static final String KEY = "D491470F47126332B07D1923B3504188";
    private static final String CORPUS_EK = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String CORPUS_AK = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    private final P1Metrics metrics = new P1Metrics();
    private final List<byte[]> telegrams = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
    }

    private void start(String uri, Map<String, Object> beans) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("metrics", metrics);
        beans.forEach(context.getRegistry()::bind);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> telegrams.add(e.getMessage().getBody(RawTelegram.class).bytes()));
            }
        });
        context.start();
    }

    private static byte[] resource(String path) throws Exception {
        try (InputStream in = EncryptedSourcesTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static byte[] plain() throws Exception {
        return resource("/corpus/dsmr_parser/at_sagemcom_t210_d_r_plaintext.txt");
    }

    private void await(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (telegrams.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
    }

    @Test
    void aCaptureOfTheCorpusFrameAndItsFailuresWithTheKeysAsABean() throws Exception {
        byte[] corpusFrame = resource("/corpus/dsmr_parser/derived/at_sagemcom_t210_d_r_encrypted_testkeys.bin");
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        capture.writeBytes(corpusFrame);                         // good
        capture.writeBytes(corpusFrame);                         // replayed: counter repeats
        byte[] altered = corpusFrame.clone();
        altered[altered.length - 3] ^= 0x55;
        capture.writeBytes(altered);                             // tag fails
        capture.write(corpusFrame, 0, 300);                      // cut by the end of the file
        start("p1capture:meter.bin?input=#in&keys=#keys", Map.of("in", new ByteArrayInputStream(capture.toByteArray()),
                "keys", DecryptionKeys.parse(CORPUS_EK, CORPUS_AK)));
        await(1);
        assertEquals(1, telegrams.size());
        assertArrayEquals(plain(), telegrams.get(0));
        assertEquals(Map.of("WRONG_KEY", 0L, "TAG_MISMATCH", 1L, "COUNTER_BACKWARDS", 1L, "TRUNCATED", 1L, "MALFORMED", 0L),
                metrics.getDecryptFailures());
        assertTrue(metrics.summary().contains("decrypt failed TAG_MISMATCH=1"), metrics.summary());
    }

    @Test
    void aTcpDongleOfAnEncryptedMeterWithTheKeyInTheUri() throws Exception {
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            start("p1tcp:127.0.0.1:" + server.getLocalPort() + "?decryptionKey=" + KEY, Map.of());
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < 5; i++) {
                    byte[] frame = meter.frame(plain(), 40 + i);
                    out.write(frame, 0, 100);
                    out.flush();
                    Thread.sleep(5);
                    out.write(frame, 100, frame.length - 100);
                    out.flush();
                }
                out.write(new FrameEncrypter("000102030405060708090A0B0C0D0E0F", DecryptionKeys.SMARTY_AUTHENTICATION_KEY)
                        .frame(plain(), 99)); // another meter's key
                out.flush();
                await(5);
            }
        }
        assertEquals(5, telegrams.size());
        telegrams.forEach(t -> assertArrayEquals(assertPlain(), t));
        assertEquals(1L, metrics.getDecryptFailures().get("WRONG_KEY"));
    }

    @Test
    void aSerialPortOfAnEncryptedMeter() throws Exception {
        P1SerialConsumerTest.FakePort port = new P1SerialConsumerTest.FakePort();
        port.present = true;
        FrameEncrypter meter = new FrameEncrypter(KEY, DecryptionKeys.SMARTY_AUTHENTICATION_KEY);
        start("p1serial:/fake/ttyUSB0?linkFactory=#port&keys=#keys", Map.of("port", port,
                "keys", DecryptionKeys.parse(KEY, "")));
        port.incoming.add(meter.frame(plain(), 7));
        port.incoming.add(meter.frame(plain(), 6)); // backwards
        port.incoming.add(meter.frame(plain(), 8));
        await(2);
        assertEquals(2, telegrams.size());
        assertEquals(1L, metrics.getDecryptFailures().get("COUNTER_BACKWARDS"));
    }

    private static byte[] assertPlain() {
        try {
            return plain();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
