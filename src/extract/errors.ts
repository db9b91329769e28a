/** Thrown when an input yields no article; `code` is machine-readable (`NO_ARTICLE`, `TIMEOUT`, …). */
export class ExtractError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'ExtractError';
  }
}
