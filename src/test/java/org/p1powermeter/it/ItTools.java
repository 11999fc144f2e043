package org.p1powermeter.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** What the *IT tests need from the machine: external tools, free loopback ports. */
final class ItTools {

    private ItTools() {
    }

    /** True on CI (CI=true) or with -Dp1.it.required=true: a missing tool then fails the test instead of skipping it. */
    static boolean required() {
        return Boolean.getBoolean("p1.it.required") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails (CI) or skips (a developer machine without it) when {@code tool} is not on the PATH. */
    static void requireTool(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                found = true;
                break;
            }
        }
        if (!found && required()) {
            fail(tool + " is not installed (CI must install it: see .ci/run)");
        }
        assumeTrue(found, tool + " is not installed: skipping (install mosquitto, mosquitto-clients, socat)");
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The packaged fat jar the IT tests run (failsafe passes its path). */
    static File jar() {
        File jar = new File(System.getProperty("p1.jar", "target/p1-power-meter.jar"));
        if (!jar.isFile()) {
            fail("the packaged jar " + jar + " is missing: run the *IT tests with mvn verify");
        }
        return jar;
    }

    /** Polls {@code condition} every 50 ms until it holds or {@code seconds} passed; the assertions after it say what is missing. */
    static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
