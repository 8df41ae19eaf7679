/** Raised when start-up cannot go on; its message is a sentence for the person who started Roundhouse. */
export class StartupError extends Error {}
