import { z } from "zod";
import type { Home } from "./home";

/** A function the sidebar (or a menu) may call: its input checked by a schema, its result JSON-safe. */
export interface ServerFunction<I extends z.ZodType, O> {
  input: I;
  run(home: Home, input: z.output<I>): O;
}

export function serverFunction<I extends z.ZodType, O>(
  input: I,
  run: (home: Home, input: z.output<I>) => O,
): ServerFunction<I, O> {
  return { input, run };
}

/** Thrown for input no sidebar of ours sends: a programming error, reported to the caller's failure handler. */
export class BadInputError extends Error {
  constructor(name: string, error: z.ZodError) {
    super(`Bad input to ${name}: ${z.prettifyError(error)}`);
    this.name = "BadInputError";
  }
}

/** Runs a server function on raw input from the wire. */
export function invoke<I extends z.ZodType, O>(name: string, fn: ServerFunction<I, O>, home: Home, raw: unknown): O {
  const parsed = fn.input.safeParse(raw);
  if (!parsed.success) throw new BadInputError(name, parsed.error);
  return fn.run(home, parsed.data);
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds functions of any input and output
export type AnyServerFunction = ServerFunction<z.ZodType, any>;
export type InputOf<F> = F extends ServerFunction<infer I, unknown> ? z.input<I> : never;
export type OutputOf<F> = F extends ServerFunction<z.ZodType, infer O> ? O : never;
