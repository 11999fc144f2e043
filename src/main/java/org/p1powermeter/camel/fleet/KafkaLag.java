package org.p1powermeter.camel.fleet;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The consumer lag of this instance per partition of a topic: records between what the consumer fetched and the end
 * of the partition, as the Kafka client reports it in its own JMX metrics
 * ({@code kafka.consumer:type=consumer-fetch-manager-metrics,client-id=…,topic=…,partition=…}, attribute
 * {@code records-lag}; the topic with '.' written as '_').
 * Only the partitions this instance reads appear; empty before the first fetch.
 */
public final class KafkaLag {

    private KafkaLag() {
    }

    /** Partition → records lag, for {@code topic}. */
    public static Map<Integer, Long> of(String topic) {
        Map<Integer, Long> lag = new TreeMap<>();
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            // the client writes the topic with '.' as '_' in these metrics' tags; [A-Za-z0-9_-] needs no quoting
            ObjectName pattern = new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,topic="
                    + topic.replace('.', '_') + ",partition=*,*");
            for (ObjectName name : server.queryNames(pattern, null)) {
                Object value = server.getAttribute(name, "records-lag");
                if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    lag.merge(Integer.parseInt(name.getKeyProperty("partition")), n.longValue(), Math::max);
                }
            }
        } catch (Exception e) {
            // no metrics (yet): an empty map
        }
        return lag;
    }

    /** {@code lag 12 (p0 5, p3 7)}, or {@code lag unknown} before the first fetch. */
    public static String describe(String topic) {
        return describe(of(topic));
    }

    /** {@code lag 12 (p0 5, p3 7)} of a lag read before, or {@code lag unknown} when it is empty. */
    public static String describe(Map<Integer, Long> lag) {
        if (lag.isEmpty()) {
            return "lag unknown";
        }
        StringBuilder text = new StringBuilder("lag ").append(lag.values().stream().mapToLong(Long::longValue).sum())
                .append(" (");
        lag.forEach((partition, records) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ")
                .append('p').append(partition).append(' ').append(records));
        return text.append(')').toString();
    }
}
