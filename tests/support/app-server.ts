/**
 * Drives the production server over HTTP the way a browser does, for the
 * HTTP bench and the kill -9 test: start the production entry (scripts/start.sh) on a database file,
 * sign in through the real sign-in action, call server actions by the id in
 * the build manifest. Loopback only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export type AppServer = { base: string; child: ChildProcess; pid: number; stop: (signal?: NodeJS.Signals) => Promise<void> };

export function hasProductionBuild() {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(path.join(root, ".next", "stride-server.cjs"));
}

/**
 * Starts the production server (as `npm start` does) on `dbFile` and resolves once /api/health answers.
 * `detached` puts the server in its own process group, so a kill reaches any
 * worker process it started too.
 */
export async function startServer({
  dbFile,
  port,
  timeoutMs = 60_000,
  detached = false,
}: {
  dbFile: string;
  port: number;
  timeoutMs?: number;
  detached?: boolean;
}): Promise<AppServer> {
  const base = `http://127.0.0.1:${port}`;
  // scripts/start.sh execs node, so the child's pid is the server's own.
  const child = spawn("bash", [path.join(root, "scripts", "start.sh")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      STRIDE_HOST: "127.0.0.1",
      STRIDE_DB_PATH: dbFile,
      STRIDE_BASE_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached,
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) {
      if (detached) process.kill(-child.pid!, signal);
      else child.kill(signal);
    }
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`the server did not answer within ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, child, pid: child.pid!, stop };
}

/** The id Next gave a server action in this build (from the manifest, as the browser learns it). */
export function actionId(exportedName: string, file?: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, e]) => e.exportedName === exportedName && (!file || e.filename === file));
  if (!hit) throw new Error(`no server action ${exportedName} in the build`);
  return hit[0];
}

/** Signs in through the sign-in form's action and returns the session cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const form = new FormData();
  // React reads a FormData argument's fields in order, so they go before the argument list.
  form.set("_1_email", email);
  form.set("_1_password", password);
  form.set("0", JSON.stringify(["/patients", null, "$K1"]));
  const res = await fetch(`${base}/sign-in`, {
    method: "POST",
    headers: { "Next-Action": actionId("signInAction"), Accept: "text/x-component", Origin: base },
    body: form,
    redirect: "manual",
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const text = await res.text();
  if (!cookies.some((c) => c.includes("session_token"))) throw new Error(`sign-in failed (${res.status}): ${text.slice(0, 300)}`);
  return cookies.join("; ");
}

/** The request a browser makes for a server action called with plain JSON arguments. */
export function actionRequest(base: string, cookie: string, id: string, args: unknown[]) {
  return {
    url: `${base}/patients`,
    method: "POST" as const,
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: base, "Content-Type": "text/plain;charset=UTF-8", Cookie: cookie },
    body: JSON.stringify(args),
  };
}

/** Calls a server action; resolves to whether the action answered { ok: true }. */
export async function callAction(base: string, cookie: string, id: string, args: unknown[]): Promise<{ status: number; ok: boolean; text: string }> {
  const req = actionRequest(base, cookie, id, args);
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: "manual" });
  const text = await res.text();
  return { status: res.status, ok: res.status === 200 && /"ok":true/.test(text), text };
}

/** Resident memory of a process and its children, in MiB (Linux /proc). */
export function treeRssMiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let kib = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      kib += m ? Number(m[1]) : 0;
    } catch {
      // gone
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return kib / 1024;
}
