/** The entry file of the current build of the CLI and server, or null when there is none. */
export function currentBuild(): string | null;
/** The build's entry file, built first when missing or older than any source. */
export function ensureServerBuild(): Promise<string>;
/** Builds the CLI and server into a new folder of dist/cli and makes it the current build. */
export function buildServer(): Promise<string>;
