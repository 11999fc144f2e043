package org.p1powermeter.it;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP and UDP sockets (IPv4 and IPv6) a process holds: its socket inodes from /proc/PID/fd matched against
 * /proc/net/{tcp,tcp6,udp,udp6} (Linux).
 */
final class ProcessSockets {

    /** One socket: protocol table, local and remote address, state ({@code 0A} is LISTEN for TCP). */
    record Socket(String table, InetAddress local, int localPort, InetAddress remote, int remotePort, String state) {

        boolean listening() {
            return table.startsWith("tcp") && state.equals("0A");
        }

        @Override
        public String toString() {
            return table + " " + local.getHostAddress() + ":" + localPort + " -> " + remote.getHostAddress() + ":"
                    + remotePort + " state " + state;
        }
    }

    private ProcessSockets() {
    }

    static List<Socket> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing: not a socket we can judge
                }
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    String[] remote = f[2].split(":");
                    sockets.add(new Socket(table, address(local[0]), Integer.parseInt(local[1], 16),
                            address(remote[0]), Integer.parseInt(remote[1], 16), f[3]));
                }
            }
        }
        return sockets;
    }

    /** /proc/net hex: 32-bit words in the host's byte order; an IPv4-mapped IPv6 address becomes IPv4. */
    private static InetAddress address(String hex) throws IOException {
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (little ? 3 - i : i)) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
