package dev.assay.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An HTTP proxy on 127.0.0.1 in front of s3proxy that breaks requests on purpose: each queued fault
 * applies to one request, in order; requests with no fault left pass through untouched. One request per
 * connection ({@code Connection: close}), which the SDK's HTTP client handles.
 */
final class FaultProxy implements AutoCloseable {
    /** What to do to one request. */
    sealed interface Fault permits Respond, CutBody, DropResponse {}

    /** Answer with {@code status} and an S3 XML error body instead of forwarding. */
    record Respond(int status, String code, String message) implements Fault {}

    /** Forward, but hand back only the head and the first {@code bodyBytes} bytes of the body, then close. */
    record CutBody(int bodyBytes) implements Fault {}

    /** Forward, so the upstream applies the request, then close without answering: a lost response. */
    record DropResponse() implements Fault {}

    static Respond slowDown() {
        return new Respond(503, "SlowDown", "Please reduce your request rate.");
    }

    private final ServerSocket server;
    private final URI target;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());

    FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Queues {@code fault} for the next {@code times} requests that have none yet. */
    FaultProxy fail(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        return this;
    }

    /** The request lines seen, such as {@code GET /bucket/key HTTP/1.1}. */
    List<String> requests() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client;
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream()) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
            requestLines.add(lines.get(0));
            byte[] body = in.readNBytes(contentLength(lines));
            Fault fault = faults.poll();
            if (fault instanceof Respond r) {
                byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + r.code()
                                + "</Code><Message>" + r.message()
                                + "</Message><RequestId>fault-proxy</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + r.status() + " Injected\r\nContent-Type: application/xml\r\nContent-Length: "
                                + xml.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(xml);
                out.flush();
                return;
            }
            lines.removeIf(l -> {
                String lower = l.toLowerCase(Locale.ROOT);
                return lower.startsWith("connection:") || lower.startsWith("keep-alive:");
            });
            lines.add("Connection: close");
            try (Socket upstream = new Socket(target.getHost(), target.getPort());
                    InputStream up = upstream.getInputStream();
                    OutputStream upOut = upstream.getOutputStream()) {
                upOut.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                upOut.write(body);
                upOut.flush();
                if (fault instanceof DropResponse) {
                    readHead(up); // the request has been applied upstream; its answer never arrives
                    return;
                }
                if (fault instanceof CutBody cut) {
                    String responseHead = readHead(up);
                    out.write((responseHead + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(up.readNBytes(cut.bodyBytes()));
                    out.flush();
                    return;
                }
                up.transferTo(out);
                out.flush();
            }
        } catch (IOException e) {
            // The client went away; nothing to report in a test proxy.
        }
    }

    /** The head up to (not including) the blank line, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            buffer.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = buffer.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static int contentLength(List<String> lines) {
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(l.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
