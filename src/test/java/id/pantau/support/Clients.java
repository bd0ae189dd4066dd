package id.pantau.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct client addresses for tests of public endpoints with per-client limits: the test
 * application trusts X-Forwarded-For from localhost, as it would from a proxy in production.
 */
public final class Clients {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private Clients() {
    }

    /** A fresh address from 10.0.0.0/8, never handed out twice in one run. */
    public static String nextAddress() {
        int n = NEXT.getAndIncrement();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** An API client that looks like a new visitor. */
    public static Http fresh(int port) {
        return Http.api(port).header("X-Forwarded-For", nextAddress());
    }
}
