package cn.dcjk.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes exactly as written, so the tests can spell requests the way no polite client would. */
final class RawHttp {

    record Answer(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Answer send(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                received.write(buf, 0, n);
                String text = received.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0 && complete(text, end)) {
                    break;
                }
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String responseHead = end > 0 ? text.substring(0, end) : text;
            String[] statusLine = responseHead.split(" ", 3);
            return new Answer(Integer.parseInt(statusLine[1]), responseHead, end > 0 ? text.substring(end + 4) : "");
        }
    }

    private static boolean complete(String text, int headEnd) {
        String head = text.substring(0, headEnd).toLowerCase();
        int i = head.indexOf("content-length:");
        if (i >= 0) {
            int len = Integer.parseInt(head.substring(i + 15, head.indexOf("\r\n", i) < 0 ? head.length()
                    : head.indexOf("\r\n", i)).trim());
            return text.getBytes(StandardCharsets.UTF_8).length - (headEnd + 4) >= len;
        }
        return head.contains("transfer-encoding: chunked") ? text.endsWith("0\r\n\r\n") : false;
    }
}
