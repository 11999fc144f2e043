package org.p1powermeter.app.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        ArrayNode checks = JSON.createArrayNode();
        boolean up;
        if (camel == null || !camel.isStarted()) {
            up = false;
            ObjectNode starting = checks.addObject();
            starting.put("name", "context");
            starting.put("status", "DOWN");
            starting.put("message", camel == null ? "starting" : "Camel context " + camel.getStatus());
        } else {
            Collection<HealthCheck.Result> results = switch (kind) {
                case ALL -> HealthCheckHelper.invoke(camel);
                case LIVE -> HealthCheckHelper.invokeLiveness(camel);
                case READY -> HealthCheckHelper.invokeReadiness(camel);
            };
            up = HealthCheckHelper.isResultsUp(results, kind == Kind.READY);
            for (HealthCheck.Result result : results) {
                ObjectNode check = checks.addObject();
                check.put("name", result.getCheck().getId());
                check.put("status", result.getState().name());
                result.getMessage().ifPresent(message -> check.put("message", message));
                ObjectNode data = JSON.createObjectNode();
                for (Map.Entry<String, Object> detail : result.getDetails().entrySet()) {
                    if (!HealthCheckHelper.isReservedKey(detail.getKey())) {
                        data.putPOJO(detail.getKey(), detail.getValue());
                    }
                }
                if (!data.isEmpty()) {
                    check.set("data", data);
                }
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("status", up ? "UP" : "DOWN");
        body.set("checks", checks);
        send(exchange, up ? 200 : 503, "application/json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n");
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
