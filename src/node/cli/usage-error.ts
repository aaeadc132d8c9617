/**
 * A command given wrongly (an option's value, a missing option): exit status 2, as commander's own usage errors.
 * Every other refusal (a file that cannot be read, a workbook over the limits) is an Error with exit status 1.
 */
export class UsageError extends Error {}
