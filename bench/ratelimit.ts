import { parseArgs } from "node:util";
import { FetchTransport } from "../src/node/fetch-transport";
import { RingCentralClient } from "../src/ringcentral/client";
import type { HttpRequest, HttpResponse, HttpTransport } from "../src/ringcentral/http";
import { startSandbox } from "../src/sandbox/index";
import { floorSeconds } from "./floor";
import { round } from "./timing";

const round3 = (n: number) => round(n, 3);

/**
 * ratelimit: the same run of Medium calls (list extensions) through the governor and through a naive client that
 * sends as fast as it can and waits only when told Retry-After, each against its own fresh sandbox at a time scale.
 * The floor is the least time the sliding window allows (see floor.ts): the first 40 go at once, so 400 calls need
 * nine windows, not ten.
 */
export async function ratelimitBench(args: string[]): Promise<object> {
  const { values } = parseArgs({
    args,
    options: { calls: { type: "string", default: "400" }, "time-scale": { type: "string", default: "100" } },
  });
  const calls = Number(values.calls);
  const timeScale = Number(values["time-scale"]);
  const governor = await measure(calls, timeScale, governed);
  const naive = await measure(calls, timeScale, naiveRun);
  const floor = floorSeconds({ medium: calls }, timeScale);
  return {
    name: "ratelimit",
    calls,
    time_scale: timeScale,
    governor,
    naive,
    floor_seconds: round3(floor),
    ratio_to_floor: round3(governor.seconds / floor),
    naive_ratio_to_floor: round3(naive.seconds / floor),
  };
}

interface Session {
  client: RingCentralClient;
  transport: CountingTransport;
  serverUrl: string;
  accessToken: string;
}

type Run = (session: Session, calls: number) => Promise<void>;

async function measure(calls: number, timeScale: number, run: Run) {
  const sandbox = await startSandbox({ timeScale, seed: 1 });
  try {
    const transport = new CountingTransport(new FetchTransport());
    const client = new RingCentralClient({ ...sandbox, server: sandbox.serverUrl, transport });
    const { accessToken } = await client.loginWithJwt();
    transport.statuses.length = 0;
    const started = performance.now();
    await run({ client, transport, serverUrl: sandbox.serverUrl, accessToken }, calls);
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds: round3(seconds),
      requests: transport.statuses.length,
      http_429: transport.statuses.filter((s) => s === 429).length,
    };
  } finally {
    await sandbox.close();
  }
}

const governed: Run = async ({ client }, calls) => {
  for (let i = 0; i < calls; i++) await client.call("listExtensions", { query: { perPage: 1 } });
};

/** As fast as it can; on a 429, waits Retry-After and sends the same call again. */
const naiveRun: Run = async ({ transport, serverUrl, accessToken }, calls) => {
  const request: HttpRequest = {
    method: "GET",
    url: `${serverUrl}/restapi/v1.0/account/~/extension?perPage=1`,
    headers: { authorization: `Bearer ${accessToken}` },
  };
  for (let done = 0; done < calls; ) {
    const response = await transport.send(request);
    if (response.status === 429) await sleep(Number(response.headers["retry-after"] ?? 30) * 1000);
    else done++;
  }
};

class CountingTransport implements HttpTransport {
  readonly statuses: number[] = [];
  constructor(private readonly inner: HttpTransport) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(request);
    this.statuses.push(response.status);
    return response;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
