/**
 * Secrets in requests and answers, found by the model: strings of a shape botocore marks
 * `sensitive` (a login token given in Logins, an issued SecretKey or Token), and the session
 * token of issued credentials, which the model does not mark but which is as secret. Each is
 * replaced by a notice before anything else sees the value, so no rendering, --query, log or
 * structuredContent can show it. What a token says (its header and claims) is not secret: it is
 * decoded and kept, without its signature, so a caller can check what the service issued. Pure.
 */
import { z } from "zod";
import { isJsonObject } from "./json-object.js";
import { shape } from "./model.js";

/** What stands for a withheld secret, wherever the CLI would print it. */
export const withheldNotice = "(withheld: a secret this server never shows)";

/** Shapes of secrets the model does not mark sensitive. */
const alsoSecret = new Set(["SessionTokenString"]);

/** The model's OpenID token shape: a JWT, whose header and claims are decoded before it is withheld. */
const tokenShape = "OIDCToken";

/** A token's decoded parts: its header and claims (not its signature). */
export interface TokenContents {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** What a value held that was withheld: the paths of its secrets, and the contents of those that were tokens. */
export interface Withheld {
  paths: string[];
  tokens: Record<string, TokenContents | { undecodable: string }>;
}

function isSecret(shapeName: string): boolean {
  const s = shape(shapeName);
  return alsoSecret.has(shapeName) || (s.type === "string" && s.sensitive === true);
}

const secretHolders = new Map<string, boolean>();

/** Whether values of the shape can hold a secret; values of shapes that cannot are passed over untouched. */
export function holdsSecrets(shapeName: string): boolean {
  let found = secretHolders.get(shapeName);
  if (found === undefined) {
    secretHolders.set(shapeName, false); // the model has no recursive shapes, but a cycle must not loop
    const s = shape(shapeName);
    found =
      isSecret(shapeName) ||
      (s.type === "structure" && Object.values(s.members).some((ref) => holdsSecrets(ref.shape))) ||
      (s.type === "list" && holdsSecrets(s.member.shape)) ||
      (s.type === "map" && holdsSecrets(s.value.shape));
    secretHolders.set(shapeName, found);
  }
  return found;
}

/** A JWT's header and claims, or why they could not be read. Its signature is never kept. */
export function tokenContents(token: string): TokenContents | { undecodable: string } {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part)))
    return { undecodable: "not a JSON Web Token (three base64url parts)" };
  try {
    const [header, claims] = parts.slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown);
    if (!isJsonObject(header) || !isJsonObject(claims)) return { undecodable: "its header or claims are not JSON objects" };
    return { header, claims };
  } catch {
    return { undecodable: "its header or claims are not base64url-encoded JSON" };
  }
}

/**
 * `value`, of the shape `shapeName`, with every secret replaced by the notice; `withheld` says
 * where they were and what their tokens said.
 */
export function withholdSecrets<T>(value: T, shapeName: string): { value: T; withheld: Withheld } {
  const withheld: Withheld = { paths: [], tokens: {} };
  const walk = (item: unknown, name: string, path: string): unknown => {
    if (item === undefined || item === null || !holdsSecrets(name)) return item;
    if (isSecret(name)) {
      // An empty value gives nothing away, and stays as the CLI prints it.
      if (item === "") return item;
      if (typeof item !== "string") return withheldNotice;
      withheld.paths.push(path);
      if (name === tokenShape) withheld.tokens[path] = tokenContents(item);
      return withheldNotice;
    }
    const s = shape(name);
    if (s.type === "structure" && isJsonObject(item))
      return Object.fromEntries(
        Object.entries(item).map(([key, member]) => [
          key,
          s.members[key] ? walk(member, s.members[key].shape, path ? `${path}.${key}` : key) : member,
        ]),
      );
    if (s.type === "list" && Array.isArray(item)) return item.map((member, i) => walk(member, s.member.shape, `${path}[${i}]`));
    if (s.type === "map" && isJsonObject(item))
      return Object.fromEntries(Object.entries(item).map(([key, member]) => [key, walk(member, s.value.shape, `${path}.${key}`)]));
    return item;
  };
  return { value: walk(value, shapeName, "") as T, withheld };
}

/** What structuredContent says of the secrets withheld from a result. */
export const withheldSchema = z
  .object({
    paths: z.array(z.string()).describe("Where the answer held a secret, now the withheld notice."),
    tokens: z.record(z.string(), z.unknown()).describe("Each token's decoded header and claims, never its signature."),
  })
  .optional()
  .describe("Only when the service issued secrets, which are never shown.");

/** The result's line on what was withheld, and what each token said. */
export function withheldText(withheld: Withheld): string {
  const tokens = Object.entries(withheld.tokens).map(([path, contents]) =>
    "undecodable" in contents
      ? `${path} cannot be decoded: ${contents.undecodable}.`
      : `${path} header: ${JSON.stringify(contents.header)}; claims: ${JSON.stringify(contents.claims)}.`,
  );
  return [`Withheld (secrets the service issued; this server never shows them): ${withheld.paths.join(", ")}.`, ...tokens].join("\n");
}
