package org.p1powermeter.camel;

import java.util.function.BiConsumer;
import org.apache.camel.spi.Registry;

/**
 * The beans the shipped route {@code routes/p1-bridge.camel.yaml} names, under the names it uses. The app binds
 * them; a host Camel runtime builds the same record from its own settings, calls {@link #bindTo(Registry)} and
 * includes {@code classpath:routes/p1-bridge.camel.yaml} (with the properties {@code p1.source} and
 * {@code p1.sinks} set).
 */
public record P1Beans(P1TelegramProcessor telegrams, SendGroupFilter sendFlags, VscpDataFormat vscp,
        ConsolePrinter console, DryRunPrinter printer, RateWindowStage rate, HomeAssistantStage homeAssistant) {

    public static final String TELEGRAMS = "p1TelegramProcessor";
    public static final String SEND_FLAGS = "sendGroupFilter";
    public static final String HEADERS = "measurementHeaders";
    public static final String VSCP = "vscpDataFormat";
    public static final String CONSOLE = "consolePrinter";
    public static final String PRINTER = "dryRunPrinter";
    public static final String RATE = "rateWindowStage";
    public static final String HOME_ASSISTANT = "homeAssistantStage";
    public static final String HA_HEADERS = "haMessageHeaders";
    public static final String HA_STATUS = "homeAssistantStatus";
    /** The {@link org.p1powermeter.metrics.P1Metrics} the parse stage and the source count into. */
    public static final String METRICS = "p1Metrics";

    /** The route file of the bridge, on the classpath. */
    public static final String ROUTE = "classpath:routes/p1-bridge.camel.yaml";
    /**
     * The Home Assistant routes (they subscribe to {@code <prefix>/status} and the bridge's status topic with the
     * {@code paho} component), loaded beside {@link #ROUTE} when discovery is on.
     */
    public static final String HOME_ASSISTANT_ROUTE = "classpath:routes/p1-homeassistant.camel.yaml";

    /** The beans with every telegram published at once and no Home Assistant (the route as it was before both). */
    public P1Beans(P1TelegramProcessor telegrams, SendGroupFilter sendFlags, VscpDataFormat vscp,
            ConsolePrinter console, DryRunPrinter printer) {
        this(telegrams, sendFlags, vscp, console, printer,
                RateWindowStage.everyTelegram(sendFlags.enabled(), telegrams.metrics()), HomeAssistantStage.off());
    }

    public void bindTo(Registry registry) {
        bind(registry::bind);
    }

    /** Binds each bean with {@code binder} (e.g. camel-main's {@code Main::bind} before the context exists). */
    public void bind(BiConsumer<String, Object> binder) {
        binder.accept(TELEGRAMS, telegrams);
        binder.accept(HEADERS, new MeasurementHeaders());
        binder.accept(SEND_FLAGS, sendFlags);
        binder.accept(VSCP, vscp);
        binder.accept(CONSOLE, console);
        binder.accept(PRINTER, printer);
        binder.accept(RATE, rate);
        binder.accept(HOME_ASSISTANT, homeAssistant);
        binder.accept(HA_HEADERS, new HaMessageHeaders());
        binder.accept(HA_STATUS, new HomeAssistantStatus(homeAssistant));
        binder.accept(METRICS, telegrams.metrics());
    }
}
