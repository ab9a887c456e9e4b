/** A user's mistake (bad flag value, missing path): exit 2, a message, no stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}
