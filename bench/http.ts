// The benchmark driver's HTTP client: node:http on kept-alive sockets. The driver shares the
// machine with what it measures, and fetch costs several times the CPU per request (streams,
// abort signals), which a 2-core machine then takes away from the hub.
import { Agent, request as httpRequest } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  status: number;
  ok: boolean;
  text: string;
}

/** One request; rejects on a network error or after `timeoutMs` without an answer. */
export function send(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
  timeoutMs = 10_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        agent,
        timeout: timeoutMs,
        headers:
          body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.once("error", reject);
        response.once("end", () => {
          const status = response.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status < 300,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    req.once("timeout", () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.once("error", reject);
    req.end(body);
  });
}
