package org.p1powermeter.camel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.p1powermeter.ha.HaMessage;
import org.p1powermeter.ha.HomeAssistantMessages;
import org.p1powermeter.ha.HomeAssistantMessages.Entity;
import org.p1powermeter.ha.MeterIdentity;
import org.p1powermeter.measure.Measurement;
import org.p1powermeter.measure.SendGroup;
import org.p1powermeter.p1.Telegram;
import org.p1powermeter.rate.MeterPublish;
import org.p1powermeter.rate.WindowValue;

/**
 * The publish stage: body {@code List<MeterPublish>} in; out, header {@link P1Constants#HA_MESSAGES} the Home
 * Assistant messages to send (when enabled), in order: the discovery configs of a meter's entities the first time they
 * appear (and, at a meter's first publish, the removal of the entities of switched-off groups; before the very first
 * of them the bridge's {@code online} status), then the one state
 * message per publish; and body the measurements to send as VSCP events ({@code List<Measurement>}; empty when Home
 * Assistant is on with {@code vscp = false}). The route sends the HA messages to the sinks as they are, and splits
 * the measurements through the VSCP stage.
 *
 * <p>It remembers each meter's identity (from header {@link P1Constants#TELEGRAM}) and announced entities, so
 * {@link #rediscovery()} can re-send every config when Home Assistant restarts. Thread-safe.
 */
public class HomeAssistantStage implements org.apache.camel.Processor {

    private final HomeAssistantMessages messages;
    private final boolean events;
    private final Set<SendGroup> enabled;
    private final Map<String, MeterIdentity> identities = new LinkedHashMap<>();
    private final Map<String, Set<Entity>> announced = new LinkedHashMap<>();
    private volatile boolean stopping;
    private boolean online;

    /**
     * @param messages the HA message builder, or null when Home Assistant is off
     * @param events   true: measurements also go out as VSCP events (always when {@code messages} is null)
     * @param enabled  the send groups switched on (the others' entities are removed)
     */
    public HomeAssistantStage(HomeAssistantMessages messages, boolean events, Set<SendGroup> enabled) {
        this.messages = messages;
        this.events = events || messages == null;
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(SendGroup.class) : EnumSet.copyOf(enabled);
    }

    /** No Home Assistant: every publish's events only. */
    public static HomeAssistantStage off() {
        return new HomeAssistantStage(null, true, EnumSet.noneOf(SendGroup.class));
    }

    public boolean enabled() {
        return messages != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        List<MeterPublish> publishes = message.getMandatoryBody(List.class);
        Telegram telegram = messages == null ? null : message.getHeader(P1Constants.TELEGRAM, Telegram.class);
        List<Measurement> out = new ArrayList<>();
        List<HaMessage> ha = messages == null ? null : new ArrayList<>();
        for (MeterPublish publish : publishes) {
            if (ha != null) {
                homeAssistant(publish, telegram, ha);
            }
            if (events) {
                for (WindowValue v : publish.values()) {
                    if (v.event()) {
                        out.add(v.value());
                    }
                }
            }
        }
        if (ha != null) {
            message.setHeader(P1Constants.HA_MESSAGES, ha);
        }
        message.setBody(out);
    }

    private synchronized void homeAssistant(MeterPublish all, Telegram telegram, List<HaMessage> out) {
        MeterPublish publish = singleValued(all);
        if (!online) {
            out.add(messages.status(true)); // the bridge's online, retained, before its first config or state
            online = true;
        }
        String meterId = publish.meterId();
        MeterIdentity identity = identities.get(meterId);
        Set<Entity> known = announced.computeIfAbsent(meterId, k -> new LinkedHashSet<>());
        List<Entity> fresh = new ArrayList<>();
        for (WindowValue v : publish.values()) {
            Entity e = new Entity(v.value().type(), v.value().channel());
            if (!known.contains(e)) {
                fresh.add(e);
            }
        }
        if (identity == null || (!fresh.isEmpty() && telegram != null)) {
            identity = telegram != null ? MeterIdentity.of(telegram, meterId)
                    : new MeterIdentity(meterId, "", "unknown", null, List.of());
            if (!identities.containsKey(meterId)) {
                out.addAll(messages.removals(identity, enabled));
            }
            identities.put(meterId, identity);
        }
        if (!fresh.isEmpty()) {
            out.addAll(messages.configs(identity, fresh));
            known.addAll(fresh);
        }
        out.add(messages.state(publish));
    }

    /**
     * The publish without the values it carries several times (a history, an event log): a Home Assistant sensor has
     * one state; those stay VSCP events.
     */
    private static MeterPublish singleValued(MeterPublish publish) {
        Map<String, Integer> count = new java.util.HashMap<>();
        for (WindowValue v : publish.values()) {
            count.merge(v.name(), 1, Integer::sum);
        }
        if (count.size() == publish.values().size()) {
            return publish;
        }
        List<WindowValue> single = new ArrayList<>();
        for (WindowValue v : publish.values()) {
            if (count.get(v.name()) == 1) {
                single.add(v);
            }
        }
        return new MeterPublish(publish.meterId(), publish.time(), single);
    }

    /**
     * Every config announced so far, and the bridge's {@code online} status: what Home Assistant needs after it
     * (re)started ({@code homeassistant/status} = {@code online}).
     */
    public synchronized List<HaMessage> rediscovery() {
        List<HaMessage> out = new ArrayList<>();
        if (messages == null) {
            return out;
        }
        out.add(messages.status(true));
        for (Map.Entry<String, MeterIdentity> meter : identities.entrySet()) {
            out.addAll(messages.configs(meter.getValue(), announced.getOrDefault(meter.getKey(), Set.of())));
        }
        return out;
    }

    /** The bridge is stopping: its own {@code offline} is no longer answered with {@code online}. */
    public void stopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    public HomeAssistantMessages messages() {
        return messages;
    }
}
