import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);

export interface SpecViolation {
  method: string;
  path: string;
  direction: "request" | "response";
  status?: number;
  errors: string[];
}

interface Operation {
  template: string;
  regex: RegExp;
  method: string;
  requestSchema?: unknown;
  responses: Record<string, unknown>;
}

type Ajv = {
  addSchema(schema: unknown, key: string): void;
  compile(schema: unknown): ValidateFunction;
  addFormat(name: string, format: RegExp | ((v: string) => boolean)): void;
};

const SPEC_ID = "discord-openapi";

/**
 * Checks REST bodies that cross the sandbox against Discord's official OpenAPI 3.1 spec (JSON Schema 2020-12).
 * Schemas are compiled on first use per operation, since compiling the whole spec takes seconds.
 */
export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(specPath: string) {
    const spec = JSON.parse(
      readFileSync(specPath, "utf8").replaceAll('"#/components/', `"${SPEC_ID}#/components/`),
    ) as {
      paths: Record<string, Record<string, { requestBody?: RequestBody; responses?: Record<string, ResponseBody> }>>;
      components: unknown;
    };
    const Ajv2020 = require("ajv/dist/2020.js").default as new (o: object) => Ajv;
    const addFormats = require("ajv-formats").default as (ajv: Ajv, formats: string[]) => void;
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv, ["date-time", "uri"]);
    this.ajv.addFormat("snowflake", /^(0|[1-9][0-9]{0,19})$/);
    this.ajv.addFormat("int32", () => true);
    this.ajv.addFormat("int64", () => true);
    this.ajv.addFormat("double", () => true);
    this.ajv.addFormat("nonce", () => true);
    this.ajv.addSchema({ $id: SPEC_ID, components: spec.components }, SPEC_ID);
    for (const [template, item] of Object.entries(spec.paths)) {
      const regex = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`,
      );
      for (const [method, op] of Object.entries(item)) {
        if (method === "parameters") continue;
        this.operations.push({
          template,
          regex,
          method: method.toUpperCase(),
          requestSchema: op.requestBody?.content?.["application/json"]?.schema,
          responses: Object.fromEntries(
            Object.entries(op.responses ?? {}).map(([status, r]) => [status, r.content?.["application/json"]?.schema]),
          ),
        });
      }
    }
  }

  /** The operation for a concrete path such as /channels/123/messages (literal segments win over parameters). */
  findOperation(method: string, path: string): Operation | undefined {
    const matches = this.operations.filter((o) => o.method === method && o.regex.test(path));
    return matches.sort((a, b) => literalScore(b.template) - literalScore(a.template))[0];
  }

  validateRequest(method: string, path: string, body: unknown): SpecViolation | undefined {
    const op = this.findOperation(method, path);
    if (!op) return { method, path, direction: "request", errors: ["no such operation in Discord's API spec"] };
    if (op.requestSchema === undefined || body === undefined) return undefined;
    return this.check(op, `req`, op.requestSchema, body, { method, path, direction: "request" });
  }

  validateResponse(method: string, path: string, status: number, body: unknown): SpecViolation | undefined {
    const op = this.findOperation(method, path);
    if (!op) return undefined;
    const schema = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
    if (schema === undefined || body === undefined) return undefined;
    return this.check(op, `res${status}`, schema, body, { method, path, direction: "response", status });
  }

  private check(op: Operation, kind: string, schema: unknown, body: unknown, where: Omit<SpecViolation, "errors">) {
    const key = `${op.method} ${op.template} ${kind}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return undefined;
    return { ...where, errors: summarise(validate.errors ?? []) };
  }
}

type RequestBody = { content?: Record<string, { schema?: unknown }> };
type ResponseBody = { content?: Record<string, { schema?: unknown }> };

function literalScore(template: string): number {
  return template.split("/").filter((s) => s !== "" && !s.startsWith("{")).length;
}

/** anyOf unions produce one error per branch; keep the few that say what is wrong. */
function summarise(errors: ErrorObject[]): string[] {
  const lines = errors
    .filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf")
    .map(
      (e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
    );
  return [...new Set(lines)].slice(0, 12);
}

/**
 * `DISCORD_API_SPEC`, else the spec in ../shared beside the repository (where CI lays it). The one place the
 * package looks for the spec: Discord's openapi.json (MIT) is not copied into the package.
 */
export function defaultSpecPath(): string {
  const path =
    process.env.DISCORD_API_SPEC ??
    fileURLToPath(new URL("../../../../shared/discord-api-spec/openapi.json", import.meta.url));
  if (!existsSync(path)) {
    throw new Error(
      `Discord's OpenAPI spec is not at ${path}: check out ../shared beside this repository (as CI does), or set DISCORD_API_SPEC to an openapi.json from https://github.com/discord/discord-api-spec`,
    );
  }
  return path;
}
