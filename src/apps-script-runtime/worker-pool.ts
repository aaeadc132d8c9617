import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";

export interface LibrarySource {
  symbol: string;
  files: { name: string; code: string }[];
}

/** What the host hears from a worker while it runs an execution. */
export interface WorkerListener {
  call(json: string): Promise<string>;
  log(entry: { level: string; text: string; at: number }): void;
  done(message: { result: string | null; error?: string; localCalls: Record<string, number> }): void;
  failed(error: Error): void;
}

/** A worker thread and its call channel; it runs one execution at a time. */
export class ExecutionWorker {
  private listener: WorkerListener | null = null;
  readonly ready: Promise<void>;

  private constructor(
    readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {
    this.ready = new Promise((resolve, reject) => {
      worker.once("error", reject);
      worker.on("message", (message: { type: string }) => {
        if (message.type === "ready") resolve();
      });
    });
    worker.on("message", (message) => this.onMessage(message));
    worker.on("error", (error) => this.listener?.failed(error));
    worker.on("exit", () => this.listener?.failed(new Error("The execution's worker stopped unexpectedly.")));
    port.on("message", (json: string) => void this.onCall(json));
  }

  static start(code: string, filename: string, libraries: LibrarySource[], newerBuiltIns = false): ExecutionWorker {
    const { port1, port2 } = new MessageChannel();
    const signalBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(new URL("./worker/execution-worker.mjs", import.meta.url), {
      workerData: { code, filename, libraries, newerBuiltIns, callPort: port2, signalBuffer },
      transferList: [port2],
      // Plain JavaScript: none of the parent's loaders (tsx, vitest) is needed or wanted.
      execArgv: [],
    });
    return new ExecutionWorker(worker, port1, new Int32Array(signalBuffer));
  }

  run(message: object, listener: WorkerListener): void {
    this.listener = listener;
    this.worker.postMessage({ type: "run", ...message });
  }

  /** Stops listening for the finished (or killed) execution: a late answer goes nowhere. */
  detach(): void {
    this.listener = null;
  }

  async terminate(): Promise<void> {
    this.detach();
    this.port.close();
    await this.worker.terminate();
  }

  private async onCall(json: string): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    // A broken call (never the script's doing) still answers, or the worker would wait until its time limit.
    const answer = await listener.call(json).catch((error: unknown) => JSON.stringify({ e: String(error) }));
    if (this.listener !== listener) return;
    this.port.postMessage(answer);
    Atomics.store(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }

  private onMessage(message: { type: string; [key: string]: unknown }): void {
    if (message.type === "log") {
      const { level, text, at } = message as unknown as { level: string; text: string; at: number };
      this.listener?.log({ level, text, at });
    } else if (message.type === "done") this.listener?.done(message as never);
  }
}

/** Idle workers kept for the next executions (each still gets a fresh context); a killed worker is never reused. */
export class WorkerPool {
  private readonly idle: ExecutionWorker[] = [];
  private readonly all = new Set<ExecutionWorker>();

  constructor(
    private readonly code: string,
    private readonly filename: string,
    private readonly libraries: LibrarySource[],
    /** Keep the built-ins newer than Apps Script is known to have (RuntimeOptions.newerBuiltIns). */
    private readonly newerBuiltIns = false,
    private readonly keepIdle = 4,
  ) {}

  async acquire(): Promise<ExecutionWorker> {
    const worker = this.idle.pop() ?? ExecutionWorker.start(this.code, this.filename, this.libraries, this.newerBuiltIns);
    this.all.add(worker);
    await worker.ready;
    return worker;
  }

  release(worker: ExecutionWorker): void {
    worker.detach();
    if (this.idle.length < this.keepIdle) this.idle.push(worker);
    else void this.discard(worker);
  }

  async discard(worker: ExecutionWorker): Promise<void> {
    this.all.delete(worker);
    await worker.terminate();
  }

  async close(): Promise<void> {
    this.idle.length = 0;
    await Promise.all([...this.all].map((worker) => this.discard(worker)));
  }
}
