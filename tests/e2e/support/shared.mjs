// Where the shared read-only material (examples, conformance cases, oracle workloads)
// is: STATELAB_SHARED when set (with or without a trailing slash), else the `shared`
// folder beside the repository, else /work/shared.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const beside = fileURLToPath(new URL('../../../../shared', import.meta.url));

export const SHARED = process.env.STATELAB_SHARED ?? (existsSync(beside) ? beside : '/work/shared');

/** A path inside the shared folder. */
export const sharedPath = (...parts) => join(SHARED, ...parts);

/** A JSON file inside the shared folder, parsed. */
export const readShared = (...parts) => JSON.parse(readFileSync(sharedPath(...parts), 'utf8'));
