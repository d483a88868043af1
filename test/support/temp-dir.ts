/** Temporary directories that tests make and remove. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished } from "vitest";

/**
 * A new empty directory in the system's temp directory, named `prefix` and a random suffix, and
 * removed with everything in it once the tests that use it are done: made inside a test or a
 * beforeEach hook, when that test finishes; made while the file is collected (at the top level
 * of a file or of a describe block), after that file's or block's tests. Not in beforeAll or
 * afterAll (nothing would remove it): make it at the top of the describe block instead.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Not inside a test: the file or describe block being collected.
    afterAll(remove);
  }
  return dir;
}
