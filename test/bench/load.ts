import { type ChildProcess, fork } from "node:child_process";
import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface RunningServer {
  port: number;
  process: ChildProcess;
  /** Asks the server process something over IPC (e.g. its memory) and waits for the answer. */
  ask<T>(question: string): Promise<T>;
  stop(): void;
}

/** Starts a bench server in its own process (one core for it, one for the load), waiting for its port. */
export function startServer(script: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = fork(script, [], {
    // The same V8 flags as `npm start`: a small young generation keeps RSS low at no cost in throughput.
    execArgv: ["--max-semi-space-size=2", "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on("message", (message: { ready?: number }) => {
      if (!message.ready) return;
      const ask = <T>(question: string) =>
        new Promise<T>((answer) => {
          child.once("message", (reply) => answer(reply as T));
          child.send({ question });
        });
      resolve({ port: message.ready, process: child, ask, stop: () => child.kill("SIGKILL") });
    });
  });
}

/** Hammers one URL with the same signed request over keep-alive connections. */
export async function load(
  url: string,
  request: { body: string; headers: Record<string, string> },
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: "POST",
    body: request.body,
    headers: request.headers,
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
