package org.p1powermeter.camel.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Processor;
import org.p1powermeter.p1.RawTelegram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a capture file or stdin on one thread until end of input, then tells the {@link SourceListener} beans. */
public class P1CaptureConsumer extends TelegramSourceConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(P1CaptureConsumer.class);

    private final P1CaptureEndpoint endpoint;
    private ExecutorService executor;

    public P1CaptureConsumer(P1CaptureEndpoint endpoint, Processor processor) {
        super(endpoint, processor, endpoint.getPath());
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "p1-capture-reader");
        executor.submit(this::readAll);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        super.doStop();
    }

    private void readAll() {
        byte[] buf = new byte[65536];
        metrics().sourceState("OPEN", true, "reading " + endpoint.getPath());
        try (InputStream in = open()) {
            int n;
            while (isRunAllowed() && (n = in.read(buf)) >= 0) {
                feed(buf, n);
            }
            endOfInput();
        } catch (IOException e) {
            if (isRunAllowed()) {
                LOG.error("Cannot read {}: {}", endpoint.getPath(), e.getMessage());
            } else {
                LOG.debug("Stopped reading {}: {}", endpoint.getPath(), e.getMessage());
            }
        }
        if (isRunAllowed()) {
            LOG.info("End of input {}: {} telegrams, framer {}", endpoint.getPath(), telegramCount(), framerStats());
            metrics().sourceState("CLOSED", false, "end of input " + endpoint.getPath());
            for (SourceListener l : listeners()) {
                l.sourceCompleted(endpoint.getPath(), telegramCount());
            }
        }
    }

    private InputStream open() throws IOException {
        if (endpoint.getInput() != null) {
            return endpoint.getInput();
        }
        if ("-".equals(endpoint.getPath())) {
            return new NonClosingInputStream(System.in);
        }
        return Files.newInputStream(Path.of(endpoint.getPath()));
    }

    @Override
    public void onTelegram(RawTelegram telegram) {
        if (endpoint.getInterval() > 0) {
            try {
                Thread.sleep(endpoint.getInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        super.onTelegram(telegram);
    }

    /** Keeps System.in open when the consumer closes what it read. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
