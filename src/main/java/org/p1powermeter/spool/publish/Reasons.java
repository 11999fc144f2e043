package org.p1powermeter.spool.publish;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns Paho's exceptions into short reasons for log lines (Paho's messages never hold the password). */
final class Reasons {

    private Reasons() {
    }

    /** True when the broker answered the CONNECT with "bad user name or password" or "not authorized". */
    static boolean isLoginRefused(MqttException e) {
        return e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED;
    }

    static String of(MqttException e) {
        return switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> "bad user name or password";
            case MqttException.REASON_CODE_NOT_AUTHORIZED -> "bad user name or password, or not authorized"; // Mosquitto's answer to a wrong password
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> "client id rejected";
            default -> e.getMessage() + (e.getCause() == null || e.getCause().getMessage() == null ? ""
                    : ": " + e.getCause().getMessage()) + " (" + e.getReasonCode() + ")";
        };
    }
}
