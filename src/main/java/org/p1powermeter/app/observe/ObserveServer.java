package org.p1powermeter.app.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.p1powermeter.app.config.ConfigException;
import org.p1powermeter.app.config.WatchSettings;
import org.p1powermeter.metrics.P1Metrics;
import org.p1powermeter.metrics.PrometheusText;

/**
 * The opt-in observability HTTP server ({@code [HTTP] port}, {@code bind}) on Camel's observability paths:
 * {@code /observe/health} (every check), {@code /observe/health/live}, {@code /observe/health/ready} (200 when UP,
 * 503 when not) and {@code /observe/metrics} (Prometheus text, {@code p1_*} names). The JDK's own HTTP server on one
 * thread: nothing more is needed for a scrape every few seconds, and it costs little memory on a Pi.
 */
public final class ObserveServer implements AutoCloseable {

    public static final String HEALTH = "/observe/health";
    public static final String LIVE = "/observe/health/live";
    public static final String READY = "/observe/health/ready";
    public static final String METRICS = "/observe/metrics";

    /** jackson-core's streaming writer (the VSCP JSON writer's library; databind is never loaded). */
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<CamelContext> context;
    private final P1Metrics metrics;

    private ObserveServer(HttpServer server, ExecutorService executor, Supplier<CamelContext> context, P1Metrics metrics) {
        this.server = server;
        this.executor = executor;
        this.context = context;
        this.metrics = metrics;
    }

    /**
     * Listens on {@code bind:port} at once (so a port in use is a configuration error before anything else starts);
     * health answers 503 until {@code context} returns a started context.
     */
    public static ObserveServer start(WatchSettings settings, Supplier<CamelContext> context, P1Metrics metrics)
            throws ConfigException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.httpBind(), settings.httpPort()), 8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("[HTTP] port = " + settings.httpPort() + ", bind = " + settings.httpBind()
                    + ": cannot listen there (" + e.getMessage() + ")");
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "p1-http");
            t.setDaemon(true);
            return t;
        });
        ObserveServer observe = new ObserveServer(server, executor, context, metrics);
        server.setExecutor(executor);
        server.createContext("/", observe::handle);
        server.start();
        return observe;
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case METRICS -> send(exchange, 200, PrometheusText.CONTENT_TYPE, PrometheusText.of(metrics));
                case HEALTH, HEALTH + "/" -> health(exchange, Kind.ALL);
                case LIVE -> health(exchange, Kind.LIVE);
                case READY -> health(exchange, Kind.READY);
                default -> send(exchange, 404, "text/plain; charset=utf-8",
                        "not found; try " + String.join(", ", List.of(HEALTH, LIVE, READY, METRICS)) + "\n");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "error: " + e + "\n");
        }
    }

    private enum Kind { ALL, LIVE, READY }

    private void health(HttpExchange exchange, Kind kind) throws IOException {
        CamelContext camel = context.get();
        Collection<HealthCheck.Result> results = List.of();
        boolean up = false;
        if (camel != null && camel.isStarted()) {
            results = switch (kind) {
                case ALL -> HealthCheckHelper.invoke(camel);
                case LIVE -> HealthCheckHelper.invokeLiveness(camel);
                case READY -> HealthCheckHelper.invokeReadiness(camel);
            };
            up = HealthCheckHelper.isResultsUp(results, kind == Kind.READY);
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("status", up ? "UP" : "DOWN");
            json.writeArrayFieldStart("checks");
            if (camel == null || !camel.isStarted()) {
                json.writeStartObject();
                json.writeStringField("name", "context");
                json.writeStringField("status", "DOWN");
                json.writeStringField("message", camel == null ? "starting" : "Camel context " + camel.getStatus());
                json.writeEndObject();
            }
            for (HealthCheck.Result result : results) {
                writeCheck(json, result);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        send(exchange, up ? 200 : 503, "application/json", text + "\n");
    }

    private static void writeCheck(JsonGenerator json, HealthCheck.Result result) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", result.getCheck().getId());
        json.writeStringField("status", result.getState().name());
        if (result.getMessage().isPresent()) {
            json.writeStringField("message", result.getMessage().get());
        }
        boolean data = false;
        for (Map.Entry<String, Object> detail : result.getDetails().entrySet()) {
            if (HealthCheckHelper.isReservedKey(detail.getKey())) {
                continue;
            }
            if (!data) {
                json.writeObjectFieldStart("data");
                data = true;
            }
            Object value = detail.getValue();
            if (value instanceof Long || value instanceof Integer) {
                json.writeNumberField(detail.getKey(), ((Number) value).longValue());
            } else if (value instanceof Boolean b) {
                json.writeBooleanField(detail.getKey(), b);
            } else {
                json.writeStringField(detail.getKey(), String.valueOf(value));
            }
        }
        if (data) {
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
