/**
 * How Apps Script's services throw: an error named `Exception` whose message is the service's text, so that
 * `e.message` is the text and `String(e)` (the log, google.script.run's failure) reads "Exception: <text>".
 * Every service of the runtime throws these; the engine carries the name and message into the execution.
 */
export class AppsScriptException extends Error {
  override name = "Exception";
}
