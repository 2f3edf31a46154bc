// The sandbox's control-API client is the package's (its public API); the tests import it from here.
export {
  finalResponse,
  type InteractionResult,
  type ResponseView,
  SandboxClient,
  textOf,
} from "@steward/discord-sandbox";
