/**
 * Every operation of the service, as the sandbox serves it. Split by area, each module with its
 * sources: pools and their roles (pools.ts), tags (tags.ts), principal tag maps
 * (principal-tags.ts), identities (identities.ts), credentials and OpenID tokens (credentials.ts),
 * developer identities (developer-identities.ts). The type makes leaving one out a compile error.
 */
import type { OperationName } from "../operation/model.js";
import type { Operation } from "./common.js";
import { credentialOperations } from "./credentials.js";
import { developerOperations } from "./developer-identities.js";
import { identityOperations } from "./identities.js";
import { poolOperations } from "./pools.js";
import { principalTagOperations } from "./principal-tags.js";
import { tagOperations } from "./tags.js";

export type { Operation, RequestNotes } from "./common.js";

export const operations: Record<OperationName, Operation> = {
  ...poolOperations,
  ...tagOperations,
  ...principalTagOperations,
  ...identityOperations,
  ...credentialOperations,
  ...developerOperations,
};
