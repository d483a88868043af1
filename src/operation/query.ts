/**
 * `--query`: a JMESPath expression applied to the response before it is rendered.
 *
 * Evaluation uses @jmespath-community/jmespath, which also understands the JMESPath Community
 * extensions (arithmetic, `let`, `$`, `? :`, extra functions). The AWS CLI v1 uses Python's
 * jmespath 1.x, which has none of them, so compileQuery refuses them, and checks function names
 * and argument counts, before any AWS call (the CLI itself only notices the latter after it).
 */
import type { compile, JSONValue } from "@jmespath-community/jmespath";
import { loadedJmespath } from "./libraries.js";
import type { Problem } from "./problems.js";
import { failed, ok, type Result } from "./types.js";

type ExpressionNode = ReturnType<typeof compile>;

export interface CompiledQuery {
  readonly expression: string;
  readonly ast: ExpressionNode;
}

/** A query that failed on the response, as the CLI's does after the call (a type error in a function, say). */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryError";
  }
}

/** Arity of every function Python's jmespath has; `atLeast` for the variadic ones. */
const FUNCTIONS: Record<string, { count: number; atLeast?: true }> = {
  abs: { count: 1 },
  avg: { count: 1 },
  ceil: { count: 1 },
  contains: { count: 2 },
  ends_with: { count: 2 },
  floor: { count: 1 },
  join: { count: 2 },
  keys: { count: 1 },
  length: { count: 1 },
  map: { count: 2 },
  max: { count: 1 },
  max_by: { count: 2 },
  merge: { count: 1, atLeast: true },
  min: { count: 1 },
  min_by: { count: 2 },
  not_null: { count: 1, atLeast: true },
  reverse: { count: 1 },
  sort: { count: 1 },
  sort_by: { count: 2 },
  starts_with: { count: 2 },
  sum: { count: 1 },
  to_array: { count: 1 },
  to_number: { count: 1 },
  to_string: { count: 1 },
  type: { count: 1 },
  values: { count: 1 },
};

/** Community-only syntax, by AST node type. */
const EXTENSIONS: Record<string, string> = {
  Arithmetic: "arithmetic (+ - * / % //)",
  Unary: "a unary + or -",
  LetExpression: "a let expression",
  Variable: "a $variable",
  Root: "the root reference $",
  Ternary: "a conditional (? :)",
};

/** Far beyond any useful query; bounds the work (and the recursion) of compiling one. */
export const maxQueryLength = 4096;

/** Needs JMESPath loaded (loadJmespath); applyQuery then has it too, since only this function makes a CompiledQuery. */
export function compileQuery(expression: string): Result<CompiledQuery, Problem> {
  const shown = expression.length > 80 ? `${expression.slice(0, 77)}...` : expression;
  const refuse = (rule: string, detail: string) =>
    failed<Problem>({ field: "query", rule, message: `Invalid JMESPath expression ${JSON.stringify(shown)}: ${detail}` });
  if (expression.length > maxQueryLength) return refuse(`maxLength ${maxQueryLength}`, `longer than ${maxQueryLength} characters`);
  if (expression === "") {
    return failed({ field: "query", rule: "JMESPath syntax", message: "Invalid JMESPath expression: cannot be empty." });
  }
  let ast: ExpressionNode;
  try {
    // Python's jmespath still reads `foo` (unquoted JSON) as the string "foo".
    ast = loadedJmespath().compile(expression, { enable_legacy_literals: true });
  } catch (error) {
    return refuse("JMESPath syntax", error instanceof RangeError ? "nested too deeply" : describeSyntaxError(error));
  }
  try {
    return checkSupported(ast, refuse) ?? ok({ expression, ast });
  } catch (error) {
    if (error instanceof RangeError) return refuse("JMESPath syntax", "nested too deeply");
    throw error;
  }
}

/** The first reason the AWS CLI would refuse a parsed query: an extension, an unknown function, a wrong arity. */
function checkSupported(ast: ExpressionNode, refuse: (rule: string, detail: string) => { ok: false; error: Problem }) {
  for (const node of nodes(ast)) {
    const extension = EXTENSIONS[node.type];
    if (extension !== undefined) {
      // `my-key` parses as a subtraction, and is the likeliest way to get here.
      const minus = (node.type === "Arithmetic" || node.type === "Unary") && node.operator === "Minus";
      const hint = minus ? ' (to select a key that contains "-", quote it: "my-key")' : "";
      return refuse("JMESPath syntax", `${extension} is a JMESPath Community extension that the AWS CLI does not support${hint}.`);
    }
    if (node.type === "Function") {
      const arity = FUNCTIONS[node.name];
      if (arity === undefined) return refuse("JMESPath function", `Unknown function: ${node.name}()`);
      const given = node.children.length;
      if (arity.atLeast ? given < arity.count : given !== arity.count) {
        const expected = `${arity.atLeast ? "at least " : ""}${arity.count} argument${arity.count === 1 ? "" : "s"}`;
        return refuse("JMESPath function", `Expected ${expected} for function ${node.name}(), received ${given}`);
      }
    }
  }
  return undefined;
}

/** The query's result; a missing key gives null, as in Python. Throws QueryError when evaluation fails. */
export function applyQuery(query: CompiledQuery, value: unknown): unknown {
  try {
    return loadedJmespath().TreeInterpreter.search(query.ast, value as JSONValue) ?? null;
  } catch (error) {
    throw new QueryError(`--query ${query.expression} failed on the response: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function describeSyntaxError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^syntax( error)?[:,]\s*/i, "");
  return /\bEOF\b|end of (JSON )?input/i.test(message) ? `incomplete expression (${message})` : message;
}

/** Every node of the tree; literal values are data, not nodes, so they are not entered. */
function* nodes(node: ExpressionNode): Generator<ExpressionNode> {
  yield node;
  if (node.type === "Literal") return;
  for (const child of Object.values(node)) {
    for (const candidate of Array.isArray(child) ? child : [child]) {
      if (typeof candidate === "object" && candidate !== null && typeof candidate.type === "string")
        yield* nodes(candidate as ExpressionNode);
    }
  }
}
