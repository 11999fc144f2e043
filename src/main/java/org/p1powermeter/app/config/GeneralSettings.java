package org.p1powermeter.app.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.p1powermeter.measure.MeasurementType;
import org.p1powermeter.measure.SendGroup;

/** The [GENERAL] section. {@code sentGroups} holds every group whose {@code send_*} flag is true. */
public record GeneralSettings(boolean oneShot, boolean noVscp, Set<SendGroup> sentGroups) {

    public GeneralSettings {
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
