/**
 * `file://` and `fileb://` values, read only from the one directory the operator allowed.
 * An assistant chooses the paths, so what is checked is the file actually opened: its real
 * path must be inside the directory and name that same file. Nothing but a regular file of
 * at most `maxFileBytes` is read, and no message ever quotes what a file contains.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { excerpt, InputError, type Problem } from "../operation/problems.js";

/** Given the whole value (`file://pool.json`, `fileb:///data/x`), returns the file's text or throws InputError. */
export type FileReader = (uri: string) => string;

/**
 * The largest file read, in bytes (1 MiB). A whole request is far smaller (see `maxCommandTextLength`),
 * and so is any CA bundle; a larger file is refused before anything of it is read.
 */
export const maxFileBytes = 1024 * 1024;

const ALLOW_FILES_FLAG = "--allow-files-from DIR";

const TEXT_PREFIX = "file://";
const BINARY_PREFIX = "fileb://";

// Non-blocking: opening a FIFO waits for a writer otherwise, freezing every session. No
// controlling terminal: opening a tty must not make it the process's.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

export function isFileUri(value: string): boolean {
  return value.startsWith(TEXT_PREFIX) || value.startsWith(BINARY_PREFIX);
}

function refuse(uri: string, message: string): never {
  const problem: Problem = { field: excerpt(uri), rule: "file access", message };
  throw new InputError([problem]);
}

function fileAccessDisabledMessage(uri: string): string {
  return `${excerpt(uri)} cannot be read: this server reads no files unless its operator starts it with ${ALLOW_FILES_FLAG}, and then only files inside DIR`;
}

/**
 * One answer for a file that is missing, outside the directory (directly or through a link) or
 * unreadable: telling them apart would tell a caller which paths exist anywhere on the machine.
 */
function notReadableMessage(uri: string, given: string, allowedDir: string): string {
  // The AWS CLI would expand these; here they are literal path characters.
  const hint = /^~|\$/.test(given) ? " (this server does not expand ~ or $VARIABLES)" : "";
  return `${excerpt(uri)} is not a readable file inside ${allowedDir}, the only directory this server reads files from${hint}`;
}

function tooLargeMessage(uri: string): string {
  return `${excerpt(uri)} is larger than ${maxFileBytes / 2 ** 20} MiB (${maxFileBytes} bytes), the most this server reads from a file`;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function realPath(requested: string): string | undefined {
  try {
    return realpathSync(requested);
  } catch {
    return undefined;
  }
}

/**
 * The path of the file open as `fd`. Linux tells exactly (/proc/self/fd), so no link swapped at
 * any moment can change the answer. Elsewhere it is the real path of `requested`, taken after the
 * open: a link swapped back in between can still make it name another file, which the caller's
 * identity check refuses.
 */
function openedPath(fd: number, requested: string): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realPath(requested);
  }
}

/** True when `real` names the file open as `opened` (a link swapped after the open names another). */
function namesOpenedFile(real: string, opened: Stats): boolean {
  try {
    const named = statSync(real);
    return named.dev === opened.dev && named.ino === opened.ino;
  } catch {
    return false;
  }
}

/** At most `limit` bytes: a file that grew after its size was checked still cannot exceed the cap. */
function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  while (total < limit) {
    const count = readSync(fd, chunk, 0, Math.min(chunk.length, limit - total), null);
    if (count === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, count)));
    total += count;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The text the AWS CLI would get: file:// is read as UTF-8 text with universal newlines
 * (as Python's text mode does); fileb:// as bytes, which only JSON readers take, decoded
 * the way `json.loads` decodes UTF-8 bytes (a byte-order mark is dropped).
 */
function decode(uri: string, bytes: Buffer, binary: boolean): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: !binary }).decode(bytes);
  } catch {
    return refuse(uri, `${excerpt(uri)} is not UTF-8 text`);
  }
  return binary ? text : text.replace(/\r\n?/g, "\n");
}

/** A reader confined to `allowedDir`; with no directory, every file value is refused. */
export function createFileReader(allowedDir: string | undefined): FileReader {
  return (uri) => {
    if (!isFileUri(uri)) return refuse(uri, `${excerpt(uri)} is not a file:// or fileb:// value`);
    if (allowedDir === undefined) return refuse(uri, fileAccessDisabledMessage(uri));
    const binary = uri.startsWith(BINARY_PREFIX);
    const given = uri.slice(binary ? BINARY_PREFIX.length : TEXT_PREFIX.length);

    let root: string;
    try {
      root = realpathSync(allowedDir);
    } catch {
      return refuse(uri, `${excerpt(uri)} cannot be read: the directory the server allows files from (${allowedDir}) does not exist`);
    }
    const notReadable = () => refuse(uri, notReadableMessage(uri, given, allowedDir));
    const requested = path.resolve(root, given);
    // Refused without a look at the file system: nothing about such a path is learnt. The real
    // path is checked before the open too, so a link out of the directory is not even opened.
    if (!isInside(requested, root)) return notReadable();
    const resolved = realPath(requested);
    if (resolved === undefined || !isInside(resolved, root)) return notReadable();

    let fd: number;
    try {
      fd = openSync(requested, OPEN_FLAGS);
    } catch {
      return notReadable();
    }
    try {
      // What is checked is the file now open: a directory swapped for a link after the check
      // above gives a path outside, or one naming another file.
      const opened = fstatSync(fd);
      const real = openedPath(fd, requested);
      if (real === undefined || !isInside(real, root) || !namesOpenedFile(real, opened)) return notReadable();
      if (!opened.isFile()) return refuse(uri, `${excerpt(uri)} is not a regular file`);
      if (opened.size > maxFileBytes) return refuse(uri, tooLargeMessage(uri));
      const bytes = readAtMost(fd, maxFileBytes + 1);
      if (bytes.length > maxFileBytes) return refuse(uri, tooLargeMessage(uri));
      return decode(uri, bytes, binary);
    } finally {
      closeSync(fd);
    }
  };
}
