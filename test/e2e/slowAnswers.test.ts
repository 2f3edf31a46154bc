import { ApplicationCommandOptionType } from "discord-api-types/v10";
import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommandPath, commandDefinitions } from "../../commands/index.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import { commandAudience } from "../../src/discord/permissions.ts";
import { componentId, proposalPost, resultPost } from "../helpers/governance.ts";
import { type LatencyProxy, startLatencyProxy, targetOf } from "../helpers/latencyProxy.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { anvilWithContracts } from "../helpers/localSettlement.ts";
import { finalResponse, type InteractionResult, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

/** Discord's deadline, which the sandbox enforces: a later acknowledgement is refused (10062). */
const ACK_DEADLINE_MS = 3_000;
const LATENCY_MS = 2_500;

let stack: TestStack;
let chain: LocalChain;
let database: LatencyProxy;
let rpc: LatencyProxy;

/** Each command path with options that make it reach its slow part (the database, the chain, the member list). */
function commandPaths(): { path: CommandPath; options: Record<string, unknown> }[] {
  const out: { path: CommandPath; options: Record<string, unknown> }[] = [];
  type Option = {
    type: number;
    name: string;
    required?: boolean;
    choices?: readonly { value: unknown }[];
    min_value?: number;
    options?: readonly Option[];
  };
  const required = (options: readonly Option[] = []) =>
    Object.fromEntries(
      options
        .filter((o) => o.required)
        .map((o) => [
          o.name,
          o.choices?.[0]?.value ??
            (o.type === ApplicationCommandOptionType.String
              ? "matrix"
              : o.type === ApplicationCommandOptionType.Boolean
                ? true
                : (o.min_value ?? 9999)),
        ]),
    );
  // A subcommand group's subcommands are paths of three words ("steward settings budget-floor").
  const leaves = (prefix: string, options: readonly Option[]) => {
    for (const o of options) {
      if (o.type === ApplicationCommandOptionType.Subcommand)
        out.push({ path: `${prefix} ${o.name}` as CommandPath, options: required(o.options) });
      if (o.type === ApplicationCommandOptionType.SubcommandGroup) leaves(`${prefix} ${o.name}`, o.options ?? []);
    }
  };
  for (const command of commandDefinitions) {
    const options = ("options" in command ? command.options : []) as readonly Option[];
    const nested = options.some(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!nested) out.push({ path: command.name as CommandPath, options: required(options) });
    else leaves(command.name, options);
  }
  return out;
}

/** Inputs that pass validation, so the command does its real work rather than refusing at once. */
const REAL_INPUTS: Partial<Record<CommandPath, Record<string, unknown>>> = {
  "contribute submit": { title: "Latency check", category: "docs", description: "Checked slow answers." },
  "wallet link": { address: Wallet.createRandom().address },
  "evaluation override": { contribution: 9999, score: 50, reward: "1", reason: "matrix" },
  "node register": {
    name: "slow",
    gpu_model: "H200",
    gpu_count: 1,
    vram_gb: 141,
    cpu_cores: 8,
    ram_gb: 64,
    region: "eu-west",
    price: "1",
    public_key: Wallet.createRandom().address,
  },
  "node update": { id: 9999, price: "2" },
  "compute request": { gpu_count: 1, hours: 1, max_price: "1", purpose: "matrix" },
  "audit trace": { id: "proposal 9999" },
  // A user option names a person of the sandbox.
  "mentor accept": { newcomer: "mia" },
};

/** How long Steward took to acknowledge, as the sandbox saw it; undefined when it never did (or too late). */
function ackMs(result: InteractionResult): number | undefined {
  const p = stack.sandbox.state.interactions.get(result.interactionId);
  return p?.acknowledged && p.acknowledgedAt !== undefined ? p.acknowledgedAt - p.createdAt : undefined;
}

function slow(on: boolean) {
  database.delayMs = on ? LATENCY_MS : 0;
  rpc.delayMs = on ? LATENCY_MS : 0;
}

let awaiting: number;
let open: number;
let drafted: { messageId: string; submit: string };
let draftPost: { id: string; open: string };
let ballot: { id: string; vote: string };
let result: { id: string; approve: string; reject: string };

beforeAll(async () => {
  const local = await anvilWithContracts();
  chain = local.chain;
  rpc = await startLatencyProxy(targetOf(chain.rpcUrl));
  stack = await startTestStack(
    {
      SETTLEMENT_MODE: "send",
      RPC_URL: rpc.through(chain.rpcUrl),
      CHAIN_ID: "31337",
      TOKEN_ADDRESS: local.deployed.token,
      DISTRIBUTOR_ADDRESS: local.deployed.distributor,
      ANCHOR_ADDRESS: local.deployed.anchor,
      TREASURY_PRIVATE_KEY: chain.deployerKey,
      QUORUM: "1",
      APPROVALS_REQUIRED: "2",
      VOTING_PERIOD: "1h",
      // The chain is a test's own Anvil, through the latency proxy.
      SANDBOX_REAL_CHAIN: "1",
    },
    {
      async databaseVia(url) {
        database = await startLatencyProxy(targetOf(url));
        return database.through(url);
      },
    },
  );
  await stack.client.createUser("mod", ["Member", "Moderator", "Provider"]);
  await stack.client.createUser("mia", ["Member"]);
  const wallet = await linkWallet(stack.client, "mod");
  await linkWallet(stack.client, "mia");

  // A funding proposal awaiting approval (its overview counts who could approve), an open one, a draft post, and a
  // private draft: every governance button has a message to be clicked on.
  const proposeAndSubmit = async (idea: string) => {
    const d = finalResponse(await stack.client.run("mia", "propose", { idea }));
    const s = finalResponse(await stack.client.click("mia", d.messageId as string, componentId(d, "Submit")));
    return Number(/^Proposal #(\d+)/.exec(s.content)?.[1]);
  };
  awaiting = await proposeAndSubmit(`Pay 50 STEW to ${wallet.address} for the latency check.`);
  finalResponse(await stack.client.run("mod", "proposal open", { proposal: awaiting }));
  const first = await proposalPost(stack.client, awaiting, "For");
  finalResponse(await stack.client.click("mia", first.id, componentId(first, "For")));
  stack.advanceClock(3_600_000 + 1_000);
  const passed = await resultPost(stack.client, awaiting);
  result = { id: passed.id, approve: componentId(passed, "Approve payout"), reject: componentId(passed, "Reject") };

  open = await proposeAndSubmit("Hold a community call every month.");
  finalResponse(await stack.client.run("mod", "proposal open", { proposal: open }));
  const second = await proposalPost(stack.client, open, "For");
  ballot = { id: second.id, vote: componentId(second, "For") };

  const draft = await proposeAndSubmit("Write a glossary of DAO terms.");
  const third = await proposalPost(stack.client, draft, "Open vote (moderators)");
  draftPost = { id: third.id, open: componentId(third, "Open vote (moderators)") };

  const privateDraft = finalResponse(await stack.client.run("mia", "propose", { idea: "Translate the README." }));
  drafted = { messageId: privateDraft.messageId as string, submit: componentId(privateDraft, "Submit") };
}, 180_000);

afterAll(async () => {
  slow(false);
  await stack?.stop();
  await database?.close();
  await rpc?.close();
  await chain?.stop();
}, 120_000);

describe(`with ${LATENCY_MS} ms of latency in the database and the chain RPC`, () => {
  it("every command is acknowledged within Discord's 3 seconds", async () => {
    const paths = commandPaths();
    expect(paths.map((p) => p.path).sort()).toEqual(Object.keys(commandAudience).sort());
    const inputs: Partial<Record<CommandPath, Record<string, unknown>>> = {
      ...REAL_INPUTS,
      // The slow paths the issue names: the member list behind an awaiting proposal, the balance on the chain.
      "proposal show": { proposal: awaiting },
    };
    slow(true);
    // All at once, as on a busy server: the database queues them, and every one must still be acknowledged in time.
    const runs = await Promise.all(
      paths.map(async ({ path, options }) => ({
        path,
        result: await stack.client.run("mod", path, inputs[path] ?? options, { waitMs: 4_000 }),
      })),
    );
    const late = runs.filter((r) => (ackMs(r.result) ?? Number.POSITIVE_INFINITY) >= ACK_DEADLINE_MS);
    expect(late.map((r) => `${r.path}: ${ackMs(r.result) ?? "never"}`)).toEqual([]);
    // Slow ones really were slow (the latency reached them) and were deferred rather than answered.
    const deferred = runs.filter((r) => r.result.responses[0]?.kind === "defer").map((r) => r.path);
    expect(deferred).toEqual(expect.arrayContaining(["wallet show", "proposal show", "node register", "compute end"]));
  }, 120_000);

  it("every governance button is acknowledged within Discord's 3 seconds", async () => {
    slow(true);
    const clicks = await Promise.all([
      stack.client.click("mia", drafted.messageId, drafted.submit),
      stack.client.click("mod", draftPost.id, draftPost.open),
      stack.client.click("mia", ballot.id, ballot.vote),
      stack.client.click("mod", result.id, result.approve),
      stack.client.click("mod", result.id, result.reject),
      stack.client.click("mia", result.id, result.approve),
    ]);
    const labels = ["Submit (draft)", "Open vote", "For", "Approve payout", "Reject", "Approve payout (denied)"];
    const late = clicks.flatMap((c, k) =>
      (ackMs(c) ?? Number.POSITIVE_INFINITY) < ACK_DEADLINE_MS ? [] : [`${labels[k]}: ${ackMs(c) ?? "never"}`],
    );
    expect(late).toEqual([]);
    // A modal must be the first answer: Reject still opens its form.
    expect(clicks[4]?.responses[0]?.kind).toBe("modal");
    slow(false);
  }, 60_000);

  it("a chain that does not answer within its bound is said so on /wallet show, instead of holding the answer", async () => {
    rpc.delayMs = 8_000;
    const started = Date.now();
    const shown = await stack.client.run("mod", "wallet show", {}, { waitMs: 20_000 });
    expect(ackMs(shown)).toBeLessThan(ACK_DEADLINE_MS);
    expect(shown.complete).toBeUndefined();
    expect(textOf(finalResponse(shown))).toContain("unavailable: the chain did not answer");
    expect(Date.now() - started).toBeLessThan(8_000);
    rpc.delayMs = 0;
  }, 30_000);
});
