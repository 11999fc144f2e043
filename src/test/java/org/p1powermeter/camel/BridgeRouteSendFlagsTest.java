package org.p1powermeter.camel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.p1powermeter.measure.SendGroup;

class BridgeRouteSendFlagsTest extends BridgeRouteTestSupport {

    @Override
    Set<SendGroup> sentGroups() {
        return EnumSet.of(SendGroup.VOLTAGE, SendGroup.CURRENT);
    }

    @Test
    void onlyTheEnabledGroupsArePublished() throws Exception {
        MockEndpoint mqtt = getMockEndpoint("mock:p1spool:p1");
        mqtt.expectedMessageCount(6);
        template.sendBody("direct:telegrams", swedishTelegram());
        mqtt.assertIsSatisfied();
        for (Exchange e : mqtt.getExchanges()) {
            String group = e.getMessage().getHeader(P1Constants.SEND_GROUP, String.class);
            assertTrue(group.equals("voltage") || group.equals("current"), group);
        }
    }
}
