package org.p1powermeter.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that hosts the P1 bridge: Camel Spring Boot loads the shipped route
 * {@code classpath:routes/p1-bridge.camel.yaml} (application.properties), {@link P1BridgeConfiguration} binds the
 * beans the route names, and the route publishes every measurement through the {@code p1spool:} sink.
 */
@SpringBootApplication
public class P1SpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(P1SpringBootApplication.class, args);
    }
}
