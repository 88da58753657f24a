package cn.dcjk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The benchmarks' one way of timing a read: the JDK's HTTP client (the answer's time, not a test
 * library's), warm-up calls before the timed ones, and the better of two medians, so that a burst of
 * the machine's other load in one of them does not decide the figure.
 */
public final class Timing {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Timing() {
    }

    /** The better of two medians of {@code rounds} calls, each after {@code warmup} untimed calls; in ms. */
    public static double median(int warmup, int rounds, Supplier<Object> call) {
        return Math.min(medianOnce(warmup, rounds, call), medianOnce(warmup, rounds, call));
    }

    static double medianOnce(int warmup, int rounds, Supplier<Object> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            call.get();
            times.add(System.nanoTime() - t0);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
    }

    /** A GET (or a POST of {@code json}) on localhost that must answer 200; its body. */
    public static byte[] http(int port, String pathAndQuery, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
