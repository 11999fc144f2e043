package org.p1powermeter.app;

public final class P1PowerMeter {
    private P1PowerMeter() {
    }

    public static void main(String[] args) {
        System.out.println("p1-power-meter");
    }
}
