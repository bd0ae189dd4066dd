package id.pantau.network.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Just enough of an SMTP server on localhost for a test to see what the application mails: it
 * accepts every message, or refuses them while {@link #refuse} is set, and keeps what it accepted.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** A mail as it arrived: the envelope's recipients and the message text (headers and body). */
    record Mail(String from, List<String> recipients, String data) {

        String header(String name) {
            // long header lines arrive folded: a line starting with white space continues the one before
            return data.replaceAll("\r?\n[ \t]+", " ").lines()
                    .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1)).findFirst()
                    .map(l -> l.substring(name.length() + 1).strip()).orElse("");
        }
    }

    final Queue<Mail> received = new ConcurrentLinkedQueue<>();
    final AtomicBoolean refuse = new AtomicBoolean();
    private final ServerSocket server;
    private final Thread acceptor;

    FakeSmtpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofPlatform().daemon().name("fake-smtp").start(this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // the server was closed, or a client hung up: wait for the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost fake SMTP");
        String from = "";
        List<String> recipients = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 localhost");
                case "MAIL" -> {
                    from = line.substring(line.indexOf(':') + 1).strip();
                    recipients = new ArrayList<>();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(line.substring(line.indexOf(':') + 1).strip().replaceAll("[<>]", ""));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    for (String row; (row = in.readLine()) != null && !row.equals("."); ) {
                        data.append(row.startsWith("..") ? row.substring(1) : row).append('\n');
                    }
                    if (refuse.get()) {
                        reply(out, "554 Transaction failed: refused by the test");
                    } else {
                        received.add(new Mail(from, List.copyOf(recipients), data.toString()));
                        reply(out, "250 OK queued");
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
