package org.p1powermeter.app.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.SendGroup;

/**
 * The [GENERAL] section. {@code sentGroups} holds every group whose {@code send_*} flag is true; {@code routes} the
 * extra route files to load; {@code sinks} the endpoints every event is sent to; {@code inputIntervalMillis} paces a replayed capture file;
 * {@code interval} is the publish window (zero: every telegram), {@code intervalMinMax} adds each window's min and max.
 */
public record GeneralSettings(boolean oneShot, boolean noVscp, Set<SendGroup> sentGroups, List<String> routes,
        List<String> sinks, int inputIntervalMillis, java.time.Duration interval, boolean intervalMinMax) {

    /** The settings with every telegram published at once ({@code interval = 0}). */
    public GeneralSettings(boolean oneShot, boolean noVscp, Set<SendGroup> sentGroups, List<String> routes,
            List<String> sinks, int inputIntervalMillis) {
        this(oneShot, noVscp, sentGroups, routes, sinks, inputIntervalMillis, java.time.Duration.ZERO, false);
    }

    public GeneralSettings {
        routes = List.copyOf(routes);
        sinks = List.copyOf(sinks);
        sentGroups = sentGroups.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(SendGroup.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(sentGroups));
    }

    /** True when this group's {@code send_*} flag is on. */
    public boolean sends(SendGroup group) {
        return sentGroups.contains(group);
    }

    /** True when this measurement's group is sent. */
    public boolean sends(MeasurementType type) {
        return sends(type.group());
    }
}
