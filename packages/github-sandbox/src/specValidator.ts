import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";

// The approach of @steward/discord-sandbox's SpecValidator (packages import nothing of each other), for GitHub's
// description: OpenAPI 3.0 (JSON Schema draft 7 with `nullable`), read from npm's @octokit/openapi.

const require = createRequire(import.meta.url);

export interface SpecViolation {
  method: string;
  path: string;
  status: number;
  errors: string[];
}

interface Operation {
  template: string;
  regex: RegExp;
  method: string;
  responses: Record<string, unknown>;
}

type Ajv = {
  addSchema(schema: unknown, key: string): void;
  compile(schema: unknown): ValidateFunction;
  addFormat(name: string, format: RegExp | ((v: string) => boolean)): void;
};

const SPEC_ID = "github-openapi";

/** Checks the sandbox's answers against GitHub's official OpenAPI description; schemas compile on first use. */
export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();
  /** "GET /repos/{owner}/{repo} 200" for each answer checked: what a test reads to know every endpoint was covered. */
  readonly checked = new Set<string>();

  constructor(specPath: string = defaultSpecPath()) {
    const spec = JSON.parse(
      readFileSync(specPath, "utf8").replaceAll('"#/components/', `"${SPEC_ID}#/components/`),
    ) as {
      paths: Record<string, Record<string, { responses?: Record<string, ResponseBody> }>>;
      components: { responses?: Record<string, ResponseBody> };
    };
    const AjvClass = require("ajv").default as new (o: object) => Ajv;
    const addFormats = require("ajv-formats").default as (ajv: Ajv, formats: string[]) => void;
    // discriminator: GitHub's user answers are oneOf private-user/public-user keyed by user_view_type.
    this.ajv = new AjvClass({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
    addFormats(this.ajv, ["date-time", "uri", "email", "date"]);
    for (const name of ["uri-template", "int32", "int64", "binary", "repo.nwo", "ssh-key", "ssh-key fingerprint"]) {
      this.ajv.addFormat(name, () => true);
    }
    nullableWithoutType(spec);
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
          responses: Object.fromEntries(
            Object.entries(op.responses ?? {}).map(([status, r]) => [status, schemaOf(r, spec.components.responses)]),
          ),
        });
      }
    }
  }

  findOperation(method: string, path: string): Operation | undefined {
    const matches = this.operations.filter((o) => o.method === method && o.regex.test(path));
    return matches.sort((a, b) => literalScore(b.template) - literalScore(a.template))[0];
  }

  /** A violation, or undefined when the body fits; `missing` when the spec has no schema for this answer. */
  validateResponse(method: string, path: string, status: number, body: unknown): SpecViolation | undefined {
    const op = this.findOperation(method, path);
    if (!op) return { method, path, status, errors: ["no such operation in GitHub's API description"] };
    const schema = op.responses[String(status)];
    if (schema === undefined) {
      return { method, path, status, errors: [`GitHub's description of ${op.template} has no ${status} answer`] };
    }
    const key = `${op.method} ${op.template} ${status}`;
    this.checked.add(key);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return undefined;
    return { method, path, status, errors: summarise(validate.errors ?? []) };
  }
}

type ResponseBody = { $ref?: string; content?: Record<string, { schema?: unknown }> };

function schemaOf(r: ResponseBody, shared: Record<string, ResponseBody> = {}): unknown {
  const resolved = r.$ref ? shared[r.$ref.split("/").pop() ?? ""] : r;
  return resolved?.content?.["application/json"]?.schema;
}

/**
 * OpenAPI 3.0 allows `nullable: true` beside allOf/anyOf/$ref with no `type`, which Ajv refuses: such a schema
 * becomes "it, or null".
 */
function nullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullableWithoutType(item);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const schema = node as Record<string, unknown>;
  for (const value of Object.values(schema)) nullableWithoutType(value);
  if (schema.nullable === true && schema.type === undefined) {
    const { nullable: _nullable, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [rest, { type: "null" }];
  }
}

function literalScore(template: string): number {
  return template.split("/").filter((s) => s !== "" && !s.startsWith("{")).length;
}

function summarise(errors: ErrorObject[]): string[] {
  const lines = errors
    .filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf")
    .map(
      (e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
    );
  return [...new Set(lines)].slice(0, 12);
}

/** `GITHUB_API_SPEC`, else api.github.com's description in the installed @octokit/openapi. */
export function defaultSpecPath(): string {
  let path = process.env.GITHUB_API_SPEC;
  if (!path) {
    try {
      path = require.resolve("@octokit/openapi/generated/api.github.com.json");
    } catch {
      path = "";
    }
  }
  if (!path || !existsSync(path)) {
    throw new Error(
      "GitHub's OpenAPI description is not installed: `npm install @octokit/openapi` (the package's devDependency), or set GITHUB_API_SPEC to an api.github.com.json from https://github.com/github/rest-api-description",
    );
  }
  return path;
}
