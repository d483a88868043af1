/**
 * serverFactory(): the MCP servers for the tools the operator enabled, independent of the
 * transport and of the protocol revision. A factory per process holds what its servers share (the
 * loaded call code, the warm-up, the operator's controls); each server it makes serves one stdio
 * connection, one 2025-era HTTP session, or one 2026-07-28 HTTP request.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  LOG_LEVEL_META_KEY,
  MissingRequiredClientCapabilityError,
  PROTOCOL_VERSION_META_KEY,
  Server,
  inputRequired,
  inputResponse,
  InMemoryTransport,
  type CallToolResult,
  type ClientCapabilities,
  type InputRequiredResult,
  type ServerContext,
  type StandardSchemaV1,
} from "@modelcontextprotocol/server";
import { listTools } from "./mcp/tools-list.js";
import type { CallContext, ConsentReply, UserNeeded } from "./call/context.js";
import { processControls, type ProcessControls } from "./policy/gate.js";
import { enabledTools } from "./tools/index.js";
import type { ServerConfig } from "./config.js";
import { serverName, serverVersion } from "./meta/versions.js";
import { redactSecrets } from "./aws/redact.js";
import { cutOffAnswer } from "./effects/unfinished.js";
import type { Served } from "./transports/in-flight.js";

/**
 * What tools/list and server/discover answer is fixed for the life of the process, and the same
 * for every client: clients and shared caches may keep it this long (2026-07-28 cache hints).
 */
const fixedAnswerTtlMs = 24 * 60 * 60 * 1000;
const fixedAnswer = { ttlMs: fixedAnswerTtlMs, cacheScope: "public" } as const;

/** The key under which the consent question travels in an input_required result. */
const consentKey = "consent";

/** The elicitation that asks for consent: a yes or no, so the form has no fields. */
const consentForm = { type: "object" as const, properties: {} };

type ToolCall = (args: unknown, context: CallContext) => Promise<CallToolResult | UserNeeded>;

/** The envelope a 2026-07-28 request carries (protocol version, client capabilities, log level); undefined on 2025-era requests. */
function envelopeOf(ctx: ServerContext): Record<string, unknown> | undefined {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  return envelope?.[PROTOCOL_VERSION_META_KEY] !== undefined ? envelope : undefined;
}

/**
 * tools/call params checked here rather than by the SDK's wire schema, whose parsed copy drops an
 * argument named "__proto__" (it becomes the copy's prototype) and so would hide an unknown
 * argument from validation. The arguments reach the call as the client sent them; malformed
 * params still get JSON-RPC's "invalid params" (-32602).
 */
const callToolParams: StandardSchemaV1<unknown, { name: string; arguments?: unknown }> = {
  "~standard": {
    version: 1,
    vendor: serverName,
    validate: (value) => {
      const params = value as { name?: unknown; arguments?: unknown } | null;
      if (typeof params?.name !== "string") return { issues: [{ message: "name: a tool name (string) is required" }] };
      const args = params.arguments;
      if (args !== undefined && (typeof args !== "object" || args === null || Array.isArray(args)))
        return { issues: [{ message: "arguments: must be an object" }] };
      return { value: { name: params.name, arguments: args } };
    },
  },
};

function needsUser(outcome: CallToolResult | UserNeeded): outcome is UserNeeded {
  return "askUser" in outcome || "cannotAsk" in outcome;
}

/**
 * A factory of MCP servers, with the words for a request a stop cut short (what the transports
 * serve); pass the same `controls` to every factory of a process (they hold its rate limit and locks).
 */
export function serverFactory(config: ServerConfig = {}, controls: ProcessControls = processControls(config)): Served {
  const enabled = enabledTools(config.tools);
  // What a call does (zod schemas, validation, rendering, the AWS adapter) is loaded once the
  // client has listed the tools, while the model decides what to call, or by the first call.
  const callModule = () => import("./call/run.js");
  const calls = new Map<string, Promise<ToolCall>>();
  const loadCall = (name: string) => {
    let call = calls.get(name);
    if (!call)
      calls.set(
        name,
        (call = callModule().then((run) =>
          run.toolCall(
            enabled.find((t) => t.name === name)!,
            config,
            controls,
          ),
        )),
      );
    return call;
  };
  let callsStarted = 0;
  let warmedUp = false;

  /**
   * Loads the call code with the AWS SDK, then runs them once without sending anything: an SDK
   * send to an endpoint the process opens on loopback (rehearseAwsSend), and a dry run of the first
   * tool sent to a server of this factory in memory, as a client sends a tools/call: it builds the
   * client a default call uses, and takes the request and its result through every stage the MCP
   * SDK runs. A first call otherwise pays for V8 compiling every function it reaches, and for zod
   * compiling each schema. No credentials are resolved. Once a call has started, it warms the same
   * code itself. Runs once per process, whichever server lists the tools first; resolves with
   * whether it ran to the end.
   */
  const warmUp = async (): Promise<boolean> => {
    if (warmedUp) return false;
    warmedUp = true;
    const [first] = enabled;
    if (!first) return false;
    const run = await callModule();
    await loadCall(first.name);
    // A rehearsal that fails (no loopback listener allowed, say) leaves the rest to run, then is reported.
    const rehearsalFailure =
      callsStarted === 0
        ? await run.rehearseAwsSend().then(
            () => undefined,
            (error: unknown) => error,
          )
        : undefined;
    if (callsStarted > 0) return false;
    await rehearseCall(makeServer(), first.name, { ...run.sampleArguments(first), generateCliSkeleton: "output" });
    if (rehearsalFailure) throw rehearsalFailure;
    return true;
  };
  const startWarmUp = () =>
    // After the answer is on its way. The operator sees the outcome on stderr; a failure to load
    // is also reported by the call that needs it.
    setImmediate(() => {
      const started = performance.now();
      warmUp().then(
        (ran) => {
          const ms = (performance.now() - started).toFixed(0);
          if (ran) console.error(`[${serverName}] warm-up: call code and AWS SDK loaded and run once in ${ms} ms, nothing sent`);
        },
        (error: unknown) =>
          console.error(
            redactSecrets(`[${serverName}] warm-up failed (a call loads what it needs): ${(error as Error)?.message ?? String(error)}`),
          ),
      );
    });

  const makeServer = () => {
    const server = new Server(
      { name: serverName, version: serverVersion },
      {
        capabilities: { tools: {}, logging: {} },
        cacheHints: { "tools/list": fixedAnswer, "server/discover": fixedAnswer },
      },
    );

    server.setRequestHandler("tools/list", () => {
      if (!warmedUp) startWarmUp();
      return listTools(config);
    });

    /** This round's context: how debug entries reach the client, and the user's consent. */
    const callContext = async (ctx: ServerContext): Promise<CallContext | CallToolResult> => {
      const envelope = envelopeOf(ctx);
      const capabilities = (envelope ? envelope[CLIENT_CAPABILITIES_META_KEY] : server.getClientCapabilities()) as
        ClientCapabilities | undefined;
      // A 2026-07-28 client gets log notifications only for the level it asks for; without one, the result carries them.
      const log =
        envelope && envelope[LOG_LEVEL_META_KEY] === undefined
          ? undefined
          : (level: "debug" | "info" | "warning" | "error", data: unknown) => void ctx.mcpReq.log(level, data, serverName).catch(() => {});
      const answer = inputResponse(ctx.mcpReq.inputResponses, consentKey);
      const sealed = ctx.mcpReq.requestState<unknown>();
      let reply: ConsentReply | undefined;
      if (answer.kind === "elicit" && typeof sealed === "string") {
        const opened = await controls.rounds.open(sealed);
        if ("problem" in opened)
          return {
            isError: true,
            content: [
              {
                type: "text",
                text: `Not done: the answer came back with state this server does not accept: ${opened.problem}. Nothing was sent; call the tool again to be asked anew.`,
              },
            ],
          };
        reply = { answer: answer.action, question: opened.state };
      }
      return { log, consent: { canAsk: Boolean(capabilities?.elicitation), reply } };
    };

    server.setRequestHandler("tools/call", { params: callToolParams }, async ({ name, arguments: args }, ctx) => {
      // A tool the operator did not enable does not exist for the client.
      if (!enabled.some((t) => t.name === name))
        return {
          isError: true,
          content: [
            { type: "text", text: `Unknown tool ${JSON.stringify(name)}; this server has ${enabled.map((t) => t.name).join(", ")}.` },
          ],
        };
      const context = await callContext(ctx);
      if ("content" in context) return context;
      callsStarted++;
      const outcome = await (await loadCall(name))(args, context);
      if (!needsUser(outcome)) return outcome;
      if ("cannotAsk" in outcome) {
        // MCP 2026-07-28 names what the client lacks (-32021, HTTP 400); a 2025-era client gets the refusal as a result.
        if (!envelopeOf(ctx)) return outcome.cannotAsk.refusal;
        throw new MissingRequiredClientCapabilityError({ requiredCapabilities: { elicitation: { form: {} } } }, outcome.cannotAsk.message);
      }
      // The client asks the user and calls again with the answer and this state (a 2025-era
      // client is asked through elicitation/create by the SDK, which then calls this handler again).
      const { message, question } = outcome.askUser;
      return inputRequired({
        inputRequests: { [consentKey]: inputRequired.elicit({ message, requestedSchema: consentForm }) },
        requestState: await controls.rounds.seal(question),
      }) as InputRequiredResult;
    });
    return server;
  };
  return Object.assign(makeServer, { cutOffAnswer });
}

/**
 * One tools/call through `server`, in memory, as a 2025-era client sends it after initialize;
 * resolves once it is answered and the server is closed.
 */
async function rehearseCall(server: Server, name: string, args: Record<string, unknown>): Promise<void> {
  const [local, remote] = InMemoryTransport.createLinkedPair();
  const waiting = new Map<number, () => void>();
  remote.onmessage = (message) => waiting.get((message as { id?: number }).id ?? -1)?.();
  const request = (id: number, method: string, params: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      waiting.set(id, resolve);
      void remote.send({ jsonrpc: "2.0", id, method, params });
    });
  await server.connect(local);
  await request(1, "initialize", {
    protocolVersion: "2025-11-25",
    capabilities: {},
    clientInfo: { name: "warm-up", version: serverVersion },
  });
  await remote.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  await request(2, "tools/call", { name, arguments: args });
  await server.close();
}

/** One server; for tests and callers that serve a single connection. */
export function createServer(config: ServerConfig = {}, controls?: ProcessControls): Server {
  return serverFactory(config, controls)();
}
