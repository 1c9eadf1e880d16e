// Slack's side of Socket Mode for tests: hands out envelopes over a WebSocket and collects the app's acks.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export class SocketModeServer {
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private connected: (() => void) | undefined;
  private readonly whenConnected = new Promise<void>((resolve) => {
    this.connected = resolve;
  });

  private constructor(private readonly server: WebSocketServer) {
    server.on("connection", (socket) => {
      this.socket = socket;
      socket.on("message", (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        this.waiting.get(ack.envelope_id)?.(ack);
      });
      socket.send(
        JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0JXC0001" } }),
      );
      this.connected?.();
    });
  }

  static async start(): Promise<SocketModeServer> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    return new SocketModeServer(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Sends one envelope (e.g. "slash_commands", "interactive", "events_api") and waits for the app's ack. */
  async deliver(type: string, payload: unknown, timeoutMs = 3000): Promise<SocketAck> {
    await this.whenConnected;
    const envelopeId = randomUUID();
    const ack = new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.set(envelopeId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
    this.socket?.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== "events_api",
      }),
    );
    return ack;
  }

  async stop(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
