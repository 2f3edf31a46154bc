/**
 * The browser client's own words in the languages it speaks (the sandbox imports nothing of Steward, so it keeps its
 * own small list; Steward's replies come from Steward in the member's language). `{name}` is a value the page fills
 * in; messages ending in `Html` hold markup. A language is added with a line in WEB_LANGUAGES and its words here.
 */
export const WEB_LANGUAGES = ["en", "zh-CN", "es-ES"] as const;
export type WebLanguage = (typeof WEB_LANGUAGES)[number];

/** Each language's own name, for the switch. */
export const WEB_LANGUAGE_NAMES: Record<WebLanguage, string> = {
  en: "English",
  "zh-CN": "简体中文",
  "es-ES": "Español",
};

/** The Discord client language of a person using the page in that language: their interactions' `locale`. */
export const DISCORD_LOCALE_OF: Record<WebLanguage, string> = { en: "en-US", "zh-CN": "zh-CN", "es-ES": "es-ES" };

const en = {
  title: "Steward sandbox",
  languages: "Language",
  guild: "Sandbox guild",
  youAre: "You are",
  actingUser: "Acting user",
  newUser: "New user or roles",
  userName: "User name",
  roles: "Roles",
  createUser: "Create / update",
  channels: "Channels",
  hintHtml:
    "This page drives Steward only through the sandbox's control API, as the tests and <code>npm run steward -- sandbox</code> do.",
  command: "Command",
  send: "Send",
  commandHelp: "Type a command; its options appear below.",
  form: "Form",
  cancel: "Cancel",
  submit: "Submit",
  noUsers: "No users yet: create one below",
  noMessages: "No messages yet.",
  onlyYou: "Only you ({user}) can see this · /{kind}",
  edited: "(edited)",
  bytes: "{size} bytes",
  choose: "Choose",
  chooseEllipsis: "Choose…",
  sendChoice: "Send choice",
  userNamePlaceholder: "user name",
  yes: "true",
  no: "false",
  pickUser: "Pick or create a user first (left).",
  noAnswer: "The sandbox did not answer: {message}",
};

export type WebWordKey = keyof typeof en;

export const WEB_WORDS: Record<WebLanguage, Record<WebWordKey, string>> = {
  en,
  "zh-CN": {
    title: "Steward沙盒",
    languages: "语言",
    guild: "沙盒服务器",
    youAre: "你的身份",
    actingUser: "当前操作的用户",
    newUser: "新用户或角色",
    userName: "用户名",
    roles: "角色",
    createUser: "创建／更新",
    channels: "频道",
    hintHtml: "本页面只通过沙盒的控制API操作Steward，与测试和<code>npm run steward -- sandbox</code>的方式相同。",
    command: "命令",
    send: "发送",
    commandHelp: "输入命令，下方会显示它的选项。",
    form: "表单",
    cancel: "取消",
    submit: "提交",
    noUsers: "还没有用户：请在下方创建",
    noMessages: "还没有消息。",
    onlyYou: "仅你（{user}）可见 · /{kind}",
    edited: "（已编辑）",
    bytes: "{size}字节",
    choose: "选择",
    chooseEllipsis: "选择…",
    sendChoice: "发送选择",
    userNamePlaceholder: "用户名",
    yes: "是",
    no: "否",
    pickUser: "请先在左侧选择或创建用户。",
    noAnswer: "沙盒没有响应：{message}",
  },
  "es-ES": {
    title: "Sandbox de Steward",
    languages: "Idioma",
    guild: "Servidor del sandbox",
    youAre: "Eres",
    actingUser: "Usuario que actúa",
    newUser: "Nuevo usuario o roles",
    userName: "Nombre de usuario",
    roles: "Roles",
    createUser: "Crear / actualizar",
    channels: "Canales",
    hintHtml:
      "Esta página maneja Steward solo a través de la API de control del sandbox, como hacen las pruebas y <code>npm run steward -- sandbox</code>.",
    command: "Comando",
    send: "Enviar",
    commandHelp: "Escribe un comando; sus opciones aparecen debajo.",
    form: "Formulario",
    cancel: "Cancelar",
    submit: "Enviar",
    noUsers: "Aún no hay usuarios: crea uno abajo",
    noMessages: "Aún no hay mensajes.",
    onlyYou: "Solo tú ({user}) puedes ver esto · /{kind}",
    edited: "(editado)",
    bytes: "{size} bytes",
    choose: "Elige",
    chooseEllipsis: "Elige…",
    sendChoice: "Enviar elección",
    userNamePlaceholder: "nombre de usuario",
    yes: "verdadero",
    no: "falso",
    pickUser: "Primero elige o crea un usuario (a la izquierda).",
    noAnswer: "El sandbox no ha respondido: {message}",
  },
};

/** The client's language for a `?lang=` value, a cookie or an Accept-Language tag, or null when it does not speak it. */
export function webLanguageOf(tag: string | null | undefined): WebLanguage | null {
  if (!tag) return null;
  const [language, region] = tag.trim().toLowerCase().replaceAll("_", "-").split("-");
  if (language === "en") return "en";
  if (language === "es") return "es-ES";
  // Traditional Chinese (zh-TW, zh-HK, zh-Hant) is another written language.
  if (language === "zh" && (region === undefined || ["cn", "sg", "hans"].includes(region))) return "zh-CN";
  return null;
}

/** The best language for an `Accept-Language` header: the highest weight first, the first listed on a tie. */
export function webLanguageFromAcceptLanguage(header: string | undefined): WebLanguage {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) {
    const language = webLanguageOf(r.tag);
    if (language) return language;
  }
  return "en";
}
