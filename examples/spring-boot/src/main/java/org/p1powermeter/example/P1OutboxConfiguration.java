package org.p1powermeter.example;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.p1powermeter.spool.DiskSpool;
import org.p1powermeter.spool.SpoolFlusher;
import org.p1powermeter.spool.SpoolLimits;
import org.p1powermeter.spool.publish.BrokerTarget;
import org.p1powermeter.spool.publish.SpoolPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The spool the route's {@code p1spool:} sink appends to, and the publisher that drains it into the broker. */
@Configuration
public class P1OutboxConfiguration {

    @Bean(destroyMethod = "close")
    DiskSpool p1Spool(@Value("${p1.example.spool-dir}") String dir) throws IOException {
        return DiskSpool.open(Path.of(dir), SpoolLimits.of(64L << 20, Duration.ofDays(7)), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    SpoolFlusher p1SpoolFlusher(DiskSpool spool) {
        return SpoolFlusher.start(spool, 200);
    }

    @Bean(destroyMethod = "close")
    SpoolPublisher p1Publisher(DiskSpool spool, @Value("${p1.example.broker-url}") String brokerUrl) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        SpoolPublisher publisher = new SpoolPublisher(spool, new BrokerTarget(brokerUrl, "p1-spring-boot", options, 1000));
        publisher.start();
        return publisher;
    }
}
