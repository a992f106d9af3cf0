/** Errors the query layer raises on purpose; actions turn them into messages. */
export class NotFoundError extends Error {
  readonly code = "NOT_FOUND";
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

/** Someone else saved the record first (optimistic concurrency). */
export class ConflictError extends Error {
  readonly code = "CONFLICT";
  constructor(message = "Someone else changed this record while you were editing. Reload to see the latest version.") {
    super(message);
  }
}

/** A rule that needs the database to check (e.g. a visit pattern longer than its plan). */
export class RuleError extends Error {
  readonly code = "RULE";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
