/**
 * A small closed-loop load generator: N connections, each sending its next
 * request when the last one answered, for a bounded time and count. Keep-alive
 * node:http on loopback only.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export type LoadRequest = { url: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: string | (() => string) };
export type LoadResult = {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};

function once(agent: http.Agent, req: LoadRequest): Promise<number> {
  const url = new URL(req.url);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") throw new Error("the load generator only talks to loopback");
  const body = typeof req.body === "function" ? req.body() : req.body;
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: req.method ?? "GET",
        headers: { ...req.headers, ...(body ? { "Content-Length": Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    r.on("error", reject);
    r.end(body);
  });
}

function quantile(sorted: number[], q: number) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function runLoad(
  req: LoadRequest,
  {
    connections,
    seconds,
    maxRequests = 200_000,
    okStatus = [200],
  }: { connections: number; seconds: number; maxRequests?: number; okStatus?: number[] },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const statuses: Record<string, number> = {};
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end && sent < maxRequests) {
        sent++;
        const t = performance.now();
        try {
          const status = await once(agent, req);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (!okStatus.includes(status)) errors++;
        } catch (error) {
          statuses[(error as NodeJS.ErrnoException).code ?? "error"] = (statuses[(error as NodeJS.ErrnoException).code ?? "error"] ?? 0) + 1;
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}
