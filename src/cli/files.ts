/**
 * `file://` and `fileb://` values, read only from the one directory the operator allowed.
 * An assistant chooses the paths, so the check is on the real path (symlinks resolved),
 * and no message ever quotes what a file contains.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { InputError, type Problem } from "../operation/problems.js";

/** Given the whole value (`file://pool.json`, `fileb:///data/x`), returns the file's text or throws InputError. */
export type FileReader = (uri: string) => string;

const ALLOW_FILES_FLAG = "--allow-files-from DIR";

const TEXT_PREFIX = "file://";
const BINARY_PREFIX = "fileb://";

export function isFileUri(value: string): boolean {
  return value.startsWith(TEXT_PREFIX) || value.startsWith(BINARY_PREFIX);
}

function refuse(uri: string, message: string): never {
  const problem: Problem = { field: uri, rule: "file access", message };
  throw new InputError([problem]);
}

function fileAccessDisabledMessage(uri: string): string {
  return `${uri} cannot be read: this server reads no files unless its operator starts it with ${ALLOW_FILES_FLAG}, and then only files inside DIR`;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
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
    return refuse(uri, `${uri} is not UTF-8 text`);
  }
  return binary ? text : text.replace(/\r\n?/g, "\n");
}

/** A reader confined to `allowedDir`; with no directory, every file value is refused. */
export function createFileReader(allowedDir: string | undefined): FileReader {
  return (uri) => {
    if (!isFileUri(uri)) return refuse(uri, `${uri} is not a file:// or fileb:// value`);
    if (allowedDir === undefined) return refuse(uri, fileAccessDisabledMessage(uri));
    const binary = uri.startsWith(BINARY_PREFIX);
    const given = uri.slice(binary ? BINARY_PREFIX.length : TEXT_PREFIX.length);

    let root: string;
    try {
      root = realpathSync(allowedDir);
    } catch {
      return refuse(uri, `${uri} cannot be read: the directory the server allows files from (${allowedDir}) does not exist`);
    }
    const requested = path.resolve(root, given);
    let real: string;
    try {
      real = realpathSync(requested);
    } catch {
      // The AWS CLI would expand these; here they are literal path characters.
      const hint = /^~|\$/.test(given) ? " (this server does not expand ~ or $VARIABLES)" : "";
      return refuse(uri, `${uri}: no such file in ${allowedDir}${hint}`);
    }
    if (!isInside(real, root)) return refuse(uri, `${uri} is outside ${allowedDir}, the only directory this server reads files from`);

    let fd: number;
    try {
      fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch {
      return refuse(uri, `${uri} cannot be opened`);
    }
    try {
      if (!fstatSync(fd).isFile()) return refuse(uri, `${uri} is not a regular file`);
      return decode(uri, readFileSync(fd), binary);
    } finally {
      closeSync(fd);
    }
  };
}
