import type { IncomingMessage } from "node:http";

/** The parsed body of a request: JSON, a form, nothing, or text that would not parse. */
export type RequestBody =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "form"; value: Record<string, string> }
  | { kind: "unparsable"; text: string };

const maxBodyBytes = 10 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return { kind: "unparsable", text: "" };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { kind: "none" };
  const type = request.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) {
    return { kind: "form", value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return { kind: "unparsable", text };
  }
}

/** The body as a plain value, for logs and the conformance hook. */
export function bodyValue(body: RequestBody): unknown {
  switch (body.kind) {
    case "none":
      return undefined;
    case "unparsable":
      return body.text;
    default:
      return body.value;
  }
}
