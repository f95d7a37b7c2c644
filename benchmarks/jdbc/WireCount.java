import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a PostgreSQL server sends to one client command: a TCP relay on 127.0.0.1:LISTEN_PORT to
 * the server that runs the command, and then reports the connections it opened, the data rows (protocol
 * DataRow messages, one per result row) and the bytes the server sent it, and the bytes it sent. It
 * exists because PostgreSQL itself does not say how many rows it sent to a client: pg_stat_database
 * counts rows read (tup_returned, tup_fetched), and pg_stat_statements.rows needs the module in
 * shared_preload_libraries (a server restart). Works on unencrypted connections (ssl = off, or
 * sslmode=disable); on TLS it counts bytes only.
 *
 * <p>Usage: java WireCount.java LISTEN_PORT HOST:PORT REPORT_FILE -- COMMAND ARGS... (the command must
 * connect to 127.0.0.1:LISTEN_PORT). Exits with the command's exit code; the report is one line
 * {@code connections=N data_rows=R bytes_to_client=B bytes_to_server=S tls=false}.
 */
public final class WireCount {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENC_REQUEST = 80877104;

    private static final AtomicInteger connections = new AtomicInteger();
    private static final AtomicLong dataRows = new AtomicLong();
    private static final AtomicLong bytesToClient = new AtomicLong();
    private static final AtomicLong bytesToServer = new AtomicLong();
    private static volatile boolean tls;

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || !args[3].equals("--")) {
            System.err.println("usage: java WireCount.java LISTEN_PORT HOST:PORT REPORT_FILE -- COMMAND ARGS...");
            System.exit(2);
        }
        int listenPort = Integer.parseInt(args[0]);
        String host = args[1].substring(0, args[1].lastIndexOf(':'));
        int port = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
        Path report = Path.of(args[2]);
        List<Thread> relays = new ArrayList<>();
        int exit;
        try (ServerSocket listener = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (true) {
                    Socket client;
                    try {
                        client = listener.accept();
                    } catch (IOException closed) {
                        return;
                    }
                    connections.incrementAndGet();
                    Thread relay = new Thread(() -> relay(client, host, port));
                    synchronized (relays) {
                        relays.add(relay);
                    }
                    relay.start();
                }
            });
            acceptor.start();
            Process command = new ProcessBuilder(Arrays.asList(args).subList(4, args.length)).inheritIO().start();
            exit = command.waitFor();
        }
        // The command has exited, so its sockets are closed: let the relays drain and finish.
        synchronized (relays) {
            for (Thread relay : relays) {
                relay.join(10_000);
            }
        }
        String line = String.format("connections=%d data_rows=%d bytes_to_client=%d bytes_to_server=%d tls=%b%n",
                connections.get(), dataRows.get(), bytesToClient.get(), bytesToServer.get(), tls);
        Files.writeString(report, line, StandardCharsets.UTF_8);
        System.exit(exit);
    }

    private static void relay(Socket client, String host, int port) {
        try (client; Socket server = new Socket(host, port)) {
            AtomicInteger pendingOneByteReplies = new AtomicInteger();
            Thread up = new Thread(() -> clientToServer(client, server, pendingOneByteReplies));
            up.start();
            serverToClient(server, client, pendingOneByteReplies);
            up.join();
        } catch (IOException | InterruptedException e) {
            System.err.println("WireCount: relay failed: " + e);
        }
    }

    /** Forwards the client's bytes; reads the untyped start-up packets to know which get a one-byte answer. */
    private static void clientToServer(Socket client, Socket server, AtomicInteger pendingOneByteReplies) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = server.getOutputStream();
            while (true) { // SSLRequest / GSSENCRequest (answered 'S' / 'G' or 'N'), then the startup message
                int length = in.readInt();
                int code = in.readInt();
                byte[] rest = new byte[length - 8];
                in.readFully(rest);
                boolean negotiation = length == 8 && (code == SSL_REQUEST || code == GSS_ENC_REQUEST);
                if (negotiation) {
                    pendingOneByteReplies.incrementAndGet();
                }
                byte[] header = {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
                    (byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
                out.write(header);
                out.write(rest);
                out.flush();
                bytesToServer.addAndGet(length);
                if (!negotiation) {
                    break;
                }
            }
            copy(in, out, bytesToServer);
        } catch (EOFException | SocketException closed) {
            // the client went away
        } catch (IOException e) {
            System.err.println("WireCount: client to server: " + e);
        } finally {
            try {
                server.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, AtomicLong counter) throws IOException {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            out.flush();
            counter.addAndGet(n);
        }
    }

    /** Forwards the server's bytes, splitting them into protocol messages to count the DataRow ('D') ones. */
    private static void serverToClient(Socket server, Socket client, AtomicInteger pendingOneByteReplies) {
        byte[] buffer = new byte[65536];
        byte[] header = new byte[5];
        int headerFill = 0;
        long skip = 0; // payload bytes of the current message still to pass
        boolean encrypted = false;
        try {
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                out.flush();
                bytesToClient.addAndGet(n);
                int i = 0;
                while (i < n && !encrypted) {
                    if (skip > 0) {
                        int step = (int) Math.min(skip, n - i);
                        skip -= step;
                        i += step;
                    } else if (headerFill == 0 && pendingOneByteReplies.get() > 0) {
                        pendingOneByteReplies.decrementAndGet();
                        if (buffer[i] == 'S' || buffer[i] == 'G') {
                            encrypted = true;
                            tls = true;
                        }
                        i++;
                    } else {
                        header[headerFill++] = buffer[i++];
                        if (headerFill == 5) {
                            long length = ((header[1] & 0xFFL) << 24) | ((header[2] & 0xFF) << 16)
                                    | ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
                            if (header[0] == 'D') {
                                dataRows.incrementAndGet();
                            }
                            skip = length - 4;
                            headerFill = 0;
                        }
                    }
                }
            }
        } catch (SocketException closed) {
            // the client went away
        } catch (IOException e) {
            System.err.println("WireCount: server to client: " + e);
        } finally {
            try {
                client.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
