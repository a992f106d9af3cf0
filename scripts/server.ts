/**
 * Stride's production server: Next's request handler behind a plain Node
 * HTTP server, so the app can know who it is talking to.
 *
 * Per-address limits (sign-in tries, share-link misses) read the last
 * X-Forwarded-For hop. `next start` keeps whatever X-Forwarded-For a client
 * sends, so anyone could pick their own address. Here, before Next sees a request:
 * - STRIDE_TRUSTED_PROXY off (the default): every client-sent forwarding header
 *   is dropped and X-Forwarded-For is set to the TCP peer's address.
 * - STRIDE_TRUSTED_PROXY on: the server listens on 127.0.0.1 only, so every
 *   request comes through the reverse proxy, and the hop the proxy appended
 *   (the last one) is the client.
 * Bodies are capped here too, so an oversized one is refused before Next
 * would write its address (a patient's token, on a link page) into the log,
 * and a bad %-escape in the path is made literal (Next would answer a bare 500).
 */
import http from "node:http";
import next from "next";
import {
  bodyTooLarge,
  DISCARD_AT_MOST,
  escapeBadPercentEncoding,
  isTrustedProxyOn,
  peerAddress,
  rewriteForwardingHeaders,
  tooLargeAnswer,
} from "@/lib/request-guard";

const trustedProxy = isTrustedProxyOn(process.env.STRIDE_TRUSTED_PROXY);
const port = Number(process.env.PORT ?? 3000);
// Behind a proxy nothing but the proxy may reach the app; otherwise STRIDE_HOST (default: every interface).
const host = trustedProxy ? "127.0.0.1" : process.env.STRIDE_HOST || undefined;

const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();

async function main() {
  await app.prepare();
  const server = http.createServer((req, res) => {
    rewriteForwardingHeaders(req.headers, peerAddress(req.socket.remoteAddress), trustedProxy);
    const refused = bodyTooLarge(req.url ?? "/", req.headers);
    if (refused) {
      // Answered before Next sees it and without logging the address, which may hold a patient's token.
      // The body is read and thrown away first (up to a bound), so the client is still sending when
      // the answer comes and gets it, instead of a broken connection.
      const answer = tooLargeAnswer(refused);
      let discarded = 0;
      req.on("data", (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > DISCARD_AT_MOST) req.socket.destroy();
      });
      req.on("end", () => {
        res.writeHead(answer.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
        res.end(answer.text);
      });
      return;
    }
    req.url = escapeBadPercentEncoding(req.url ?? "/");
    void handle(req, res);
  });
  server.listen(port, host, () => {
    console.log(`Stride is listening on ${host ?? "every interface"}, port ${port}${trustedProxy ? " (behind a trusted reverse proxy)" : ""}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error("Stride could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
