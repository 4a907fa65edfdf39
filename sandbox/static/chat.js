// The sandbox page: plays any demo person in their private chat with the bot.
// Everything shown comes from the local Bot API server (/sandbox/api/...); text written by
// the bot or a user is only ever put into the page as text nodes, never as HTML — with the
// emoji this system has no font for replaced by short text (see `readable`).
"use strict";

const API = "/sandbox/api";
const LONG_POLL_SECONDS = 25;
const PEOPLE_EVERY_MS = 3000;
const TOAST_MS = 3500;
const OFFLINE = "Песочница не отвечает — она остановлена?";
// as UPLOAD_LIMIT and PHOTO_LIMIT in sandbox/web.py
const FILE_LIMIT = 20 * 1024 * 1024; // what a bot may download from Telegram
const PHOTO_LIMIT = 10 * 1024 * 1024; // Telegram's limit for a photo
const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
const GROUPS = [
  ["admin", "Администратор"],
  ["curator", "Куратор"],
  ["mentor", "Наставники"],
  ["mentee", "Наставляемые"],
  ["guest", "Новые пользователи"],
];
const SAFE_LINK = /^(https?:|mailto:|tg:)/i;
const AUTO_ENTITY = /(https?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)\]]|(?:^|(?<=[\s(]))\/[a-z0-9_]{1,32}\b)/gi;
// an emoji (with its variation selector, skin tone and ZWJ parts) and the space after it
const EMOJI = /(\p{Extended_Pictographic}\p{Emoji_Modifier}?(?:\uFE0F?\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}?)*\uFE0F?)( ?)/gu;
// What an emoji that would be an empty box says instead; the others are left out.
const EMOJI_TEXT = new Map([
  ["✅", "[✓]"], ["✔", "[✓]"], ["☑", "[✓]"], ["✖", "[×]"], ["❌", "[×]"],
  ["⚠", "[!]"], ["❗", "[!]"], ["❓", "[?]"], ["ℹ", "[i]"], ["➕", "[+]"], ["➖", "[–]"],
  ["🔴", "[красный]"], ["🟡", "[жёлтый]"], ["🟢", "[зелёный]"], ["⭐", "[*]"],
  ["🎯", "[цель]"], ["📅", "[дата]"], ["🗓", "[дата]"], ["⏰", "[время]"], ["⏳", "[ждёт]"],
  ["📨", "[отправлено]"], ["🏆", "[достигнуто]"], ["🔁", "[перенос]"], ["🆘", "[SOS]"],
  ["📎", "[файл]"],
]);

const page = {
  bot: { first_name: "Наставник", username: "" },
  people: new Map(), // telegram id → person
  current: null, // the chosen person
  follow: null, // AbortController of the current chat's long poll
  version: null,
  nodes: new Map(), // key → { node, signature } of what the message list shows
  seen: new Map(), // telegram id → messages from the bot (and errors) already looked at
  peopleShown: "", // what the picker shows now
  botUp: false, // the bot has started (it takes seconds to import): no «запускается» hint
  answersShown: 0,
  toastChat: null, // the chat the toast or alert shown belongs to (null: no one's)
  keyboard: null, // the reply keyboard as last rendered (JSON)
  keyboardHidden: false,
  commands: [],
};

const $ = (id) => document.getElementById(id);
const currentChat = () => (page.current ? page.current.telegram_id : null);
const PLACEHOLDER = $("placeholder"); // shown while nobody is chosen

function element(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "text") node.textContent = readable(String(value));
    else if (name === "testid") node.dataset.testid = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(API + path, options);
  } catch {
    throw new Error(OFFLINE); // not the browser's own English "Failed to fetch"
  }
  if (response.status === 413) throw new Error("Файл слишком большой для песочницы.");
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || `Ошибка ${response.status}`);
  }
  return body;
}

function postJson(path, body) {
  return request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

// --- emoji without an emoji font ------------------------------------------------------------

// Headless Chromium on a bare Linux box has no emoji font: most emoji would be empty boxes
// there. Each character is drawn once on a canvas and compared with one that no font has.
const glyphs = { canvas: null, missing: null, drawn: new Map() };

function drawing(character) {
  const context = glyphs.canvas.getContext("2d");
  context.clearRect(0, 0, 40, 40);
  context.fillText(character, 4, 4);
  return glyphs.canvas.toDataURL();
}

function drawn(character) {
  if (!glyphs.canvas) {
    glyphs.canvas = element("canvas", { width: 40, height: 40 });
    const context = glyphs.canvas.getContext("2d");
    context.font = `28px ${getComputedStyle(document.body).fontFamily}`;
    context.textBaseline = "top";
    glyphs.missing = drawing("\u{10FFFD}"); // private use: a box in every font
    // a canvas that draws nothing readable (a browser's anti-fingerprinting) tells nothing
    if (drawing("Ж") === glyphs.missing) glyphs.missing = null;
  }
  if (!glyphs.drawn.has(character)) {
    glyphs.drawn.set(character, glyphs.missing === null || drawing(character) !== glyphs.missing);
  }
  return glyphs.drawn.get(character);
}

function emojiDrawn(emoji) {
  const joiners = new Set(["\uFE0F", "\u200D"]);
  return [...emoji].every((character) => joiners.has(character) || drawn(character));
}

// The text as this system can show it: an emoji without a font becomes its text or goes.
function readable(text) {
  return text.replace(EMOJI, (found, emoji, space) => {
    if (emojiDrawn(emoji)) return found;
    const replacement = EMOJI_TEXT.get(emoji.replaceAll("\uFE0F", ""));
    return replacement === undefined ? "" : replacement + space;
  });
}

// --- people ----------------------------------------------------------------------------------

function initials(name) {
  const parts = name.split(/\s+/).filter(Boolean);
  return parts.slice(0, 2).map((part) => part[0].toUpperCase()).join("") || "?";
}

function unreadOf(person) {
  const total = person.from_bot + person.errors;
  if (!page.seen.has(person.telegram_id)) page.seen.set(person.telegram_id, total);
  if (page.current && page.current.telegram_id === person.telegram_id) {
    page.seen.set(person.telegram_id, total);
  }
  return Math.max(0, total - page.seen.get(person.telegram_id));
}

function renderPeople() {
  const list = $("people");
  // rebuilt only when something shown changed: the links stay put under the pointer
  const signature = JSON.stringify([
    page.current && page.current.telegram_id,
    [...page.people.values()].map((person) => [person, unreadOf(person)]),
  ]);
  if (signature === page.peopleShown) return;
  page.peopleShown = signature;
  const groups = [];
  for (const [role, title] of GROUPS) {
    const members = [...page.people.values()].filter((person) => person.role === role);
    if (!members.length) continue;
    const items = members.map((person) => {
      const unread = unreadOf(person);
      const chosen = page.current && page.current.telegram_id === person.telegram_id;
      return element(
        "a",
        {
          className: "person" + (chosen ? " chosen" : ""),
          href: `#${person.telegram_id}`,
          testid: "person",
          "data-person-id": person.telegram_id,
          "data-role": person.role,
          "aria-current": chosen ? "true" : undefined,
          title: person.description,
        },
        element("span", { className: `avatar role-${person.role}`, text: initials(person.full_name) }),
        element(
          "span",
          { className: "person-text" },
          element("span", { className: "person-name", testid: "person-name", text: person.full_name }),
          element("span", {
            className: "person-role",
            testid: "person-description",
            text: person.description || person.role_title,
            title: person.description || person.role_title,
          }),
        ),
        unread ? element("span", { className: "unread", testid: "unread", text: String(unread) }) : null,
      );
    });
    groups.push(element("div", { className: "group", testid: `group-${role}` },
      element("div", { className: "group-title", text: title }), ...items));
  }
  list.replaceChildren(...groups);
}

async function loadPeople() {
  const data = await request("/people");
  page.bot = data.bot;
  for (const person of data.people) page.people.set(person.telegram_id, person);
  renderPeople();
  botStarted(data.bot_started || data.people.some((person) => person.from_bot > 0));
}

// Until the bot is up (it answers once its import is done) the chat says it is starting.
function botStarted(up) {
  page.botUp = page.botUp || up;
  $("starting").hidden = page.botUp;
}

async function refreshPeople() {
  try {
    await loadPeople();
  } catch {
    // the chat's own poll shows the lost connection
  }
  setTimeout(refreshPeople, PEOPLE_EVERY_MS);
}

async function newGuest() {
  const guest = await postJson("/people", {});
  page.people.set(guest.telegram_id, { ...guest, from_bot: 0, errors: 0 });
  location.hash = `#${guest.telegram_id}`;
  return guest;
}

// --- choosing whose chat is shown ------------------------------------------------------------

function choose() {
  const id = Number(location.hash.slice(1));
  const person = page.people.get(id);
  // what the bot answered someone else is not shown over this chat
  if (page.toastChat !== (person ? person.telegram_id : null)) {
    hideToast();
    $("alert").hidden = true;
  }
  if (page.follow) page.follow.abort();
  page.follow = null;
  page.current = person || null;
  page.version = null;
  page.nodes.clear();
  page.keyboard = null;
  page.keyboardHidden = false;
  page.commands = [];
  $("messages").replaceChildren();
  $("commands").hidden = true;
  $("app").classList.toggle("chatting", Boolean(person));
  renderPeople();
  if (!person) {
    $("chat-name").textContent = page.bot.first_name;
    $("chat-subtitle").textContent = "выберите участника слева";
    $("chat-avatar").textContent = "";
    $("messages").append(PLACEHOLDER);
    $("start-bar").hidden = true;
    $("composer").hidden = false;
    setComposer(false);
    renderReplyKeyboard(null);
    return;
  }
  $("chat-name").textContent = person.full_name;
  $("chat-subtitle").textContent = `${person.role_title} · чат с ботом @${page.bot.username}`;
  $("chat-avatar").textContent = initials(person.full_name);
  $("chat-avatar").className = `avatar role-${person.role}`;
  setComposer(true);
  const controller = new AbortController();
  page.follow = controller;
  followChat(person, controller);
  $("text").focus();
}

function setComposer(enabled) {
  $("text").disabled = !enabled;
  $("send").disabled = !enabled;
  $("attach").disabled = !enabled;
  $("commands-button").disabled = !enabled;
}

async function followChat(person, controller) {
  let failures = 0;
  while (!controller.signal.aborted) {
    const after = page.version === null ? "" : `?after=${page.version}&wait=${LONG_POLL_SECONDS}`;
    try {
      const response = await fetch(`${API}/chats/${person.telegram_id}${after}`, {
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const chat = await response.json();
      if (controller.signal.aborted) return;
      failures = 0;
      $("connection").hidden = true;
      if (chat.version !== page.version) {
        const first = page.version === null;
        page.version = chat.version;
        renderChat(chat, first);
      }
    } catch {
      if (controller.signal.aborted) return;
      failures += 1;
      $("connection").hidden = false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * failures)));
    }
  }
}

// --- the chat --------------------------------------------------------------------------------

function renderChat(chat, first) {
  const box = $("messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  // A refused call is shown where it happened: after the newest message of that moment.
  const items = [];
  let next = 0;
  const errorsBefore = (messageId) => {
    for (; next < chat.errors.length && chat.errors[next].after_message_id < messageId; next++) {
      const error = chat.errors[next];
      items.push({ key: `e${next}`, data: error, build: () => errorNode(error) });
    }
  };
  let ownLast = false;
  for (const message of chat.messages) {
    errorsBefore(message.message_id);
    items.push({ key: `m${message.message_id}`, data: message, build: () => messageNode(message) });
    ownLast = !message.from_bot;
  }
  errorsBefore(Infinity);
  // what takes room under the messages first, then scroll to the end
  $("start-bar").hidden = chat.messages.length > 0;
  $("composer").hidden = chat.messages.length === 0;
  page.commands = chat.commands;
  renderReplyKeyboard(chat.reply_keyboard);
  reconcile(box, items);
  if (first || nearBottom || ownLast) box.scrollTop = box.scrollHeight;

  const person = page.people.get(chat.person.telegram_id);
  if (person) {
    person.from_bot = chat.messages.filter((message) => message.from_bot).length;
    person.errors = chat.errors.length;
    renderPeople();
  }
  if (chat.messages.some((message) => message.from_bot)) botStarted(true);
  showAnswers(chat.callback_answers, first, chat.person.telegram_id);
}

// Keep the nodes of unchanged items (their state and Selenium's references stay valid),
// replace changed ones in place, and put everything in the given order.
function reconcile(box, items) {
  const wanted = new Set(items.map((item) => item.key));
  for (const [key, entry] of page.nodes) {
    if (!wanted.has(key)) {
      entry.node.remove();
      page.nodes.delete(key);
    }
  }
  let previous = null;
  for (const item of items) {
    const signature = JSON.stringify(item.data);
    let entry = page.nodes.get(item.key);
    if (!entry || entry.signature !== signature) {
      const node = item.build();
      if (entry) entry.node.replaceWith(node);
      entry = { node, signature };
      page.nodes.set(item.key, entry);
    }
    const expected = previous ? previous.nextSibling : box.firstChild;
    if (entry.node !== expected) box.insertBefore(entry.node, expected);
    previous = entry.node;
  }
}

// An image that loads below the fold of a chat read to its end keeps it at the end.
function keepAtBottom(event) {
  const box = $("messages");
  const below = box.scrollHeight - box.scrollTop - box.clientHeight;
  if (below < event.currentTarget.clientHeight + 80) box.scrollTop = box.scrollHeight;
}

function timeOf(seconds) {
  const date = new Date(seconds * 1000);
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

function sizeOf(bytes) {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(".", ",")} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} МБ`;
}

// A document's emoji, or its extension where the emoji would be an empty box.
function fileIcon(name) {
  let icon = "📄";
  if (/\.xlsx?$|\.csv$/i.test(name)) icon = "📊";
  else if (/\.docx?$/i.test(name)) icon = "📝";
  else if (/\.json$/i.test(name)) icon = "🗂";
  if (emojiDrawn(icon)) return { icon, label: false };
  const extension = /\.([a-z0-9]{1,4})$/i.exec(name);
  return { icon: extension ? extension[1].toUpperCase() : "ФАЙЛ", label: true };
}

function messageNode(message) {
  const side = message.from_bot ? "bot" : "user";
  const bubble = element("div", { className: "bubble" });
  if (message.photo) {
    const url = `${API}/files/${encodeURIComponent(message.photo.file_id)}`;
    bubble.append(
      element("a", { className: "photo", href: url, download: "", title: "Скачать изображение" },
        element("img", {
          src: `${url}?inline=1`,
          alt: "Изображение",
          testid: "message-photo",
          onload: keepAtBottom,
        })),
    );
  }
  if (message.document) {
    const documentInfo = message.document;
    const name = documentInfo.file_name || "файл";
    const icon = fileIcon(name);
    bubble.append(
      element(
        "a",
        {
          className: "document",
          href: `${API}/files/${encodeURIComponent(documentInfo.file_id)}`,
          download: name,
          testid: "message-document",
          title: "Скачать",
        },
        element("span", {
          className: "document-icon" + (icon.label ? " label" : ""),
          text: icon.icon,
        }),
        element(
          "span",
          { className: "document-text" },
          element("span", { className: "document-name", testid: "document-name", text: name }),
          element("span", { className: "document-size", text: sizeOf(documentInfo.file_size || 0) }),
        ),
      ),
    );
  }
  if (message.sticker !== undefined) {
    const sticker = readable(message.sticker || "🖼") || "[стикер]";
    bubble.append(element("div", { className: "sticker", text: sticker }));
  }
  const text = message.text ?? message.caption;
  if (text !== undefined) {
    const entities = message.text !== undefined ? message.entities : message.caption_entities;
    const body = element("div", { className: "text", testid: "message-text" });
    renderText(body, text, entities || []);
    bubble.append(body);
  }
  bubble.append(
    element(
      "div",
      { className: "meta" },
      message.edited ? element("span", { className: "edited", testid: "edited", text: "изменено" }) : null,
      element("time", { text: timeOf(message.date) }),
    ),
  );
  const node = element(
    "div",
    {
      className: `message ${side}`,
      testid: "message",
      "data-message-id": message.message_id,
      "data-from": side,
    },
    bubble,
  );
  if (message.inline_keyboard) node.append(inlineKeyboard(message));
  return node;
}

function errorNode(error) {
  return element(
    "div",
    { className: "message bot", testid: "error" },
    element(
      "div",
      { className: "bubble error" },
      element("div", {
        className: "error-title",
        text: `Telegram отклонил бы ${error.method} бота: ошибка ${error.error_code}`,
      }),
      element("div", { className: "error-description", testid: "error-description", text: error.description }),
      element("div", { className: "meta" }, element("time", { text: timeOf(error.time) })),
    ),
  );
}

// --- formatted text --------------------------------------------------------------------------

// Telegram's offsets and lengths count UTF-16 code units, as JavaScript strings do.
function renderText(parent, text, entities) {
  const sorted = entities
    .filter((entity) => entity.length > 0)
    .map((entity) => ({ ...entity }))
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  renderRange(parent, text, sorted, 0, text.length, true);
}

function renderRange(parent, text, entities, start, end, auto) {
  let position = start;
  let queue = entities;
  while (queue.length) {
    const entity = queue[0];
    const from = Math.max(entity.offset, position);
    const to = Math.min(entity.offset + entity.length, end);
    if (from > position) appendPlain(parent, text.slice(position, from), auto);
    const inner = [];
    const rest = [];
    for (const other of queue.slice(1)) {
      if (other.offset >= to) rest.push(other);
      else if (other.offset + other.length <= to) inner.push(other);
      else {
        // crosses the end: the inside part now, the rest after it
        inner.push({ ...other, length: to - other.offset });
        rest.push({ ...other, offset: to, length: other.offset + other.length - to });
      }
    }
    rest.sort((a, b) => a.offset - b.offset || b.length - a.length);
    if (to > from) {
      const node = entityNode(entity, text.slice(entity.offset, entity.offset + entity.length));
      const plainInside = !["code", "pre", "text_link", "url", "email", "bot_command"].includes(entity.type);
      renderRange(node.inner || node, text, inner, from, to, auto && plainInside);
      parent.append(node);
    }
    position = Math.max(position, to);
    queue = rest;
  }
  if (position < end) appendPlain(parent, text.slice(position, end), auto);
}

// Plain text with what Telegram recognises by itself: links and /commands.
function appendPlain(parent, text, auto) {
  if (!auto) {
    parent.append(readable(text));
    return;
  }
  let last = 0;
  for (const match of text.matchAll(AUTO_ENTITY)) {
    if (match.index > last) parent.append(readable(text.slice(last, match.index)));
    const found = match[0];
    if (found.startsWith("/")) parent.append(commandNode(found));
    else parent.append(linkNode(found, found));
    last = match.index + found.length;
  }
  if (last < text.length) parent.append(readable(text.slice(last)));
}

function entityNode(entity, content) {
  switch (entity.type) {
    case "bold":
      return element("strong");
    case "italic":
      return element("em");
    case "underline":
      return element("u");
    case "strikethrough":
      return element("s");
    case "code":
      return element("code");
    case "pre": {
      const code = element("code", { "data-language": entity.language });
      const pre = element("pre", {}, code);
      pre.inner = code;
      return pre;
    }
    case "spoiler":
      return element("span", {
        className: "spoiler",
        title: "Показать",
        onclick: (event) => event.currentTarget.classList.add("revealed"),
      });
    case "blockquote":
    case "expandable_blockquote":
      return element("blockquote");
    case "text_link":
      return linkNode(entity.url, null);
    case "url":
      return linkNode(content, null);
    case "email":
      return linkNode(`mailto:${content}`, null);
    case "bot_command":
      return commandNode(null, content);
    default:
      return element("span", { className: `entity-${entity.type}` });
  }
}

function commandNode(text, command = text) {
  return element("a", {
    className: "command",
    href: "#",
    text,
    onclick: (event) => {
      event.preventDefault();
      sendText(command.trim());
    },
  });
}

function deepLinkCode(url) {
  const match = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]+)$/.exec(url);
  if (!match || match[1].toLowerCase() !== page.bot.username.toLowerCase()) return null;
  return match[2];
}

function linkNode(url, text) {
  if (!SAFE_LINK.test(url)) return element("span", { text });
  const code = deepLinkCode(url);
  if (code) {
    return element("a", {
      href: url,
      text,
      className: "deep-link",
      title: "Открыть ссылку от имени нового пользователя",
      onclick: (event) => {
        event.preventDefault();
        openDeepLink(code);
      },
    });
  }
  return element("a", { href: url, text, target: "_blank", rel: "noopener noreferrer" });
}

// An invite link of this bot: someone new opens it, as a teacher would from the curator.
async function openDeepLink(code) {
  let chat = currentChat();
  try {
    const guest = await newGuest();
    chat = guest.telegram_id;
    await postJson(`/chats/${guest.telegram_id}/messages`, { text: `/start ${code}` });
    toast(`Ссылка открыта от имени нового пользователя «${guest.full_name}».`, false, chat);
  } catch (error) {
    toast(error.message, true, chat);
  }
}

// --- buttons ---------------------------------------------------------------------------------

function inlineKeyboard(message) {
  const rows = message.inline_keyboard.map((row) =>
    element(
      "div",
      { className: "keyboard-row" },
      ...row.map((button) => inlineButton(message.message_id, button)),
    ),
  );
  return element("div", { className: "inline-keyboard", testid: "inline-keyboard" }, ...rows);
}

function inlineButton(messageId, button) {
  if (button.callback_data !== undefined) {
    return element("button", {
      type: "button",
      className: "inline-button",
      testid: "inline-button",
      "data-callback-data": button.callback_data,
      text: button.text,
      onclick: (event) => press(messageId, button.callback_data, event.currentTarget),
    });
  }
  if (button.url !== undefined) {
    const link = linkNode(button.url, button.text);
    link.classList.add("inline-button", "url-button");
    link.dataset.testid = "inline-button";
    return link;
  }
  if (button.copy_text !== undefined) {
    return element("button", {
      type: "button",
      className: "inline-button",
      testid: "inline-button",
      text: button.text,
      onclick: async () => {
        await navigator.clipboard.writeText(button.copy_text.text);
        toast("Скопировано");
      },
    });
  }
  return element("button", {
    type: "button",
    className: "inline-button",
    testid: "inline-button",
    text: button.text,
    disabled: true,
    title: "Такие кнопки песочница не показывает",
  });
}

async function press(messageId, data, button) {
  const chat = currentChat();
  if (chat === null) return;
  button.classList.add("pressed");
  setTimeout(() => button.classList.remove("pressed"), 1500);
  try {
    await postJson(`/chats/${chat}/press`, { message_id: messageId, callback_data: data });
  } catch (error) {
    toast(error.message, true, chat);
  }
}

function showAnswers(answers, first, chat) {
  if (first) {
    page.answersShown = answers.length; // old ones were seen before
    return;
  }
  for (const answer of answers.slice(page.answersShown)) {
    if (!answer.text) continue;
    if (answer.show_alert) showAlert(answer.text, chat);
    else toast(answer.text, false, chat);
  }
  page.answersShown = answers.length;
}

function renderReplyKeyboard(markup) {
  const box = $("reply-keyboard");
  const json = JSON.stringify(markup);
  if (json !== page.keyboard) {
    page.keyboard = json;
    page.keyboardHidden = false;
    const rows = markup
      ? markup.keyboard.map((row) =>
          element(
            "div",
            { className: "keyboard-row" },
            ...row.map((button) =>
              element("button", {
                type: "button",
                className: "reply-button",
                testid: "reply-button",
                text: button.text,
                onclick: () => {
                  if (markup.one_time_keyboard) {
                    page.keyboardHidden = true;
                    renderReplyKeyboard(markup);
                  }
                  sendText(button.text);
                },
              }),
            ),
          ),
        )
      : [];
    box.replaceChildren(...rows);
    $("text").placeholder = readable((markup && markup.input_field_placeholder) || "Сообщение");
  }
  box.hidden = !markup || page.keyboardHidden;
  $("keyboard-toggle").hidden = !markup;
}

// --- what the person does --------------------------------------------------------------------

async function sendText(text) {
  const chat = currentChat();
  if (chat === null || !text.trim()) return false;
  try {
    await postJson(`/chats/${chat}/messages`, { text });
    return true;
  } catch (error) {
    toast(error.message, true, chat);
    return false;
  }
}

async function sendFile(file) {
  const chat = currentChat();
  if (chat === null || !file) return;
  if (file.size > FILE_LIMIT) {
    toast("Файл больше 20 МБ: бот не сможет скачать его из Telegram.", true);
    return;
  }
  if (PHOTO_TYPES.has(file.type) && file.size > PHOTO_LIMIT) {
    toast("Фото больше 10 МБ: Telegram такое не примет.", true);
    return;
  }
  const form = new FormData();
  form.append("file", file, file.name);
  const caption = $("text").value.trim();
  if (caption) form.append("caption", caption);
  try {
    await request(`/chats/${chat}/files`, { method: "POST", body: form });
    $("text").value = "";
    autoSize();
  } catch (error) {
    toast(error.message, true, chat);
  }
}

function renderCommands() {
  const box = $("commands");
  const typed = $("text").value;
  const filter = typed.startsWith("/") ? typed.slice(1).toLowerCase() : "";
  const matching = page.commands.filter((item) => item.command.startsWith(filter));
  box.replaceChildren(
    ...matching.map((item) =>
      element(
        "button",
        {
          type: "button",
          className: "command-item",
          testid: "command-item",
          "data-command": item.command,
          onclick: async () => {
            box.hidden = true;
            if (await sendText(`/${item.command}`)) {
              $("text").value = "";
              autoSize();
            }
          },
        },
        element("span", { className: "command-name", text: `/${item.command}` }),
        element("span", { className: "command-description", text: item.description }),
      ),
    ),
  );
  return matching.length > 0;
}

function toggleCommands(show) {
  $("commands").hidden = !(show && renderCommands());
}

function autoSize() {
  const text = $("text");
  text.style.height = "auto";
  text.style.height = `${Math.min(text.scrollHeight, 160)}px`;
  text.style.overflowY = text.scrollHeight > 160 ? "auto" : "hidden";
}

let toastTimer = null;

// A toast belongs to one chat (by default the one shown): it is not shown over another
// person's chat, and choosing another person takes it away.
function toast(text, error = false, chat = currentChat()) {
  if (chat !== currentChat()) return;
  const box = $("toast");
  box.textContent = readable(text);
  box.classList.toggle("toast-error", error);
  box.hidden = false;
  page.toastChat = chat;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(hideToast, TOAST_MS);
}

function hideToast() {
  clearTimeout(toastTimer);
  $("toast").hidden = true;
}

function showAlert(text, chat) {
  if (chat !== currentChat()) return;
  page.toastChat = chat;
  $("alert-text").textContent = readable(text);
  $("alert").hidden = false;
  $("alert-ok").focus();
}

function wire() {
  window.addEventListener("hashchange", choose);
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("text").value;
    if (await sendText(text)) {
      $("text").value = "";
      autoSize();
      toggleCommands(false);
    }
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    } else if (event.key === "Escape") {
      toggleCommands(false);
    }
  });
  $("text").addEventListener("input", () => {
    autoSize();
    const typed = $("text").value;
    toggleCommands(typed.startsWith("/") && !/\s/.test(typed));
  });
  $("commands-button").addEventListener("click", () => {
    const box = $("commands");
    if (!box.hidden) {
      box.hidden = true;
      return;
    }
    if (!$("text").value.startsWith("/")) $("text").value = "";
    toggleCommands(true);
    $("text").focus();
  });
  $("attach").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    await sendFile(file);
    $("file").value = "";
  });
  $("keyboard-toggle").addEventListener("click", () => {
    page.keyboardHidden = !page.keyboardHidden;
    $("reply-keyboard").hidden = page.keyboardHidden;
  });
  $("start").addEventListener("click", () => sendText("/start"));
  $("new-guest").addEventListener("click", () => newGuest().catch((error) => toast(error.message, true)));
  $("back").addEventListener("click", () => {
    location.hash = "";
  });
  $("alert-ok").addEventListener("click", () => {
    $("alert").hidden = true;
    $("text").focus();
  });
}

async function start() {
  for (const icon of document.querySelectorAll("[data-fallback]")) {
    if (!emojiDrawn(icon.textContent)) icon.textContent = icon.dataset.fallback;
  }
  wire();
  try {
    await loadPeople();
  } catch (error) {
    toast(error.message, true);
  }
  choose();
  setTimeout(refreshPeople, PEOPLE_EVERY_MS);
}

start();
