// The playground page: a Teams channel and personal chats in the browser. It sends Bot Framework
// activities to the playground's Teams adapter (POST /playground/api/messages) as Teams would,
// receives what the bot says through the playground's Bot Connector (server-sent events from
// /playground/api/events), and renders cards with Microsoft's adaptivecards package.

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const $ = (selector) => document.querySelector(selector);

const state = {
  info: undefined,
  /** AAD object id of the person you are. */
  personId: undefined,
  /** 'channel' or 'personal'. */
  place: 'channel',
  /** conversation id → messages in order. */
  conversations: new Map(),
  /** People whose personal chat has been opened in this page (the app is "installed" for them). */
  installed: new Set(),
  showSlack: false,
};

// ---------- what the server knows ----------

async function loadState() {
  const response = await fetch('/playground/api/state');
  if (!response.ok) throw new Error(`the playground answered ${response.status}`);
  state.info = await response.json();
  const params = new URLSearchParams(location.search);
  const wanted = params.get('as') ?? localStorage.getItem('quorum-playground-person');
  const people = state.info.people;
  state.personId = people.some((p) => p.aadObjectId === state.personId)
    ? state.personId
    : (people.find((p) => p.aadObjectId === wanted) ?? people[0])?.aadObjectId;
  renderPeople();
  renderClock();
  $('#demo-banner').hidden = !state.info.demo;
  $('#channel-name').textContent = state.info.channel.name;
}

function person() {
  return state.info.people.find((p) => p.aadObjectId === state.personId);
}

function personalChatId(aadObjectId) {
  return `a:playground-${aadObjectId}`;
}

function conversationId() {
  return state.place === 'channel' ? state.info.channel.id : personalChatId(state.personId);
}

// ---------- the transcript ----------

function apply(event) {
  if (event.kind === 'post' || event.kind === 'update') {
    const message = event.message;
    const list = state.conversations.get(message.conversationId) ?? [];
    const index = list.findIndex((m) => m.id === message.id);
    // The same content again (the server's copy of a card an invoke answer already put here): the
    // card shown stays, so that nothing typed into its inputs meanwhile is lost.
    const unchanged = index >= 0 && sameContent(list[index], message);
    if (index >= 0) list[index] = message;
    else list.push(message);
    state.conversations.set(message.conversationId, list);
    if (unchanged) return;
    if (message.conversationId === conversationId()) {
      const existing = document.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`);
      const element = renderMessage(message);
      if (existing) existing.replaceWith(element);
      else {
        $('#messages').append(element);
        element.scrollIntoView({ block: 'end' });
      }
    }
  } else if (event.kind === 'reset') {
    location.reload();
  } else if (event.kind === 'delete') {
    const list = state.conversations.get(event.conversationId) ?? [];
    state.conversations.set(event.conversationId, list.filter((m) => m.id !== event.id));
    document.querySelector(`[data-message-id="${CSS.escape(event.id)}"]`)?.remove();
  }
}

function sameContent(a, b) {
  return JSON.stringify([a.text, a.attachments]) === JSON.stringify([b.text, b.attachments]);
}

async function connect() {
  const events = new EventSource('/playground/api/events');
  events.onmessage = (e) => apply(JSON.parse(e.data));
  events.onerror = () => setStatus('Lost touch with Quorum; reconnecting…');
  events.onopen = () => setStatus('');
  await new Promise((resolve) => events.addEventListener('open', resolve, { once: true }));
  // Opened first, read second: nothing said in between is missed (posts are matched by id).
  const response = await fetch('/playground/api/transcript');
  const { messages } = await response.json();
  for (const message of messages) apply({ kind: 'post', message });
}

// ---------- rendering ----------

function renderPeople() {
  const select = $('#person');
  select.replaceChildren(
    ...state.info.people.map((p) => {
      const option = document.createElement('option');
      option.value = p.aadObjectId;
      option.textContent = [p.name, p.organisation].filter(Boolean).join(', ');
      option.selected = p.aadObjectId === state.personId;
      return option;
    }),
  );
  const me = person();
  $('#person-roles').textContent = me ? [me.title, me.roles.join(', ')].filter(Boolean).join(' · ') : '';
}

function renderConversation() {
  const channel = state.place === 'channel';
  $('#conversation-title').textContent = channel ? `# ${state.info.channel.name}` : `${person()?.name ?? 'You'} and Quorum`;
  $('#conversation-hint').textContent = channel
    ? 'Everyone on the board reads this channel. Start a command with nothing else: the page adds the @Quorum mention, as Teams does.'
    : 'Only you and Quorum read this chat.';
  for (const button of document.querySelectorAll('[data-conversation]')) button.classList.toggle('active', button.dataset.conversation === state.place);
  const list = state.conversations.get(conversationId()) ?? [];
  $('#messages').replaceChildren(...list.map(renderMessage));
  $('#messages').lastElementChild?.scrollIntoView({ block: 'end' });
}

function renderMessage(message) {
  const item = document.createElement('li');
  item.className = `message ${message.from.bot ? 'from-bot' : 'from-person'}`;
  item.dataset.messageId = message.id;
  item.dataset.testid = 'message';
  const meta = document.createElement('div');
  meta.className = 'meta';
  const who = document.createElement('strong');
  who.textContent = message.from.bot ? 'Quorum' : message.from.name;
  const when = document.createElement('time');
  when.textContent = formatTime(message.at) + (message.updatedAt ? ' (updated)' : '');
  meta.append(who, ' ', when);
  item.append(meta);

  const card = message.attachments?.find((a) => a.contentType === ADAPTIVE);
  if (card) item.append(renderCard(message, card.content));
  else if (message.text) {
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = message.text;
    item.append(text);
  }
  const note = document.createElement('div');
  note.className = 'note';
  note.hidden = true;
  item.append(note);
  if (message.from.bot) item.append(renderSlackToggle(message, card?.content));
  return item;
}

function renderCard(message, content) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.onExecuteAction = (action) => void onAction(message, action);
  try {
    card.parse(content);
    const element = card.render();
    element.classList.add('card');
    return element;
  } catch (error) {
    const failed = document.createElement('pre');
    failed.textContent = `This card could not be shown: ${error}`;
    return failed;
  }
}

function renderSlackToggle(message, cardContent) {
  const details = document.createElement('details');
  details.className = 'slack';
  details.dataset.testid = 'slack';
  details.open = state.showSlack;
  const summary = document.createElement('summary');
  summary.textContent = 'Slack Block Kit';
  const pre = document.createElement('pre');
  details.append(summary, pre);
  const load = async () => {
    if (pre.dataset.loaded) return;
    pre.dataset.loaded = 'yes';
    pre.textContent = 'Rendering…';
    const response = await fetch('/playground/api/slack', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(cardContent !== undefined ? { card: cardContent } : { text: message.text ?? '' }),
    });
    const body = await response.json();
    pre.textContent = response.ok ? `Slack ${body.surface}:\n${JSON.stringify(body.payload, null, 2)}` : body.message;
  };
  details.addEventListener('toggle', () => details.open && void load());
  if (details.open) void load();
  return details;
}

function formatTime(iso) {
  return new Date(iso).toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
}

// Adaptive Cards' markdown, the subset Teams supports: bold, italic, links, lists, paragraphs.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown(text);
  result.didProcess = true;
};

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inline(text) {
  return escapeHtml(text)
    .replace(/\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label, url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>')
    .replace(/(^|[\s(])\*([^*]+)\*(?=$|[\s).,;:!?])/g, '$1<em>$2</em>');
}

function markdown(text) {
  const html = [];
  let list;
  const close = () => {
    if (list) html.push(`</${list}>`);
    list = undefined;
  };
  for (const line of text.split('\n')) {
    const bullet = /^\s*[-*] (.*)$/.exec(line);
    const numbered = /^\s*\d+\. (.*)$/.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : undefined;
    if (kind) {
      if (list !== kind) {
        close();
        html.push(`<${kind}>`);
        list = kind;
      }
      html.push(`<li>${inline((bullet ?? numbered)[1])}</li>`);
      continue;
    }
    close();
    html.push(line.trim() === '' ? '<br>' : `<p>${inline(line)}</p>`);
  }
  close();
  return html.join('');
}

// ---------- what you do ----------

let nextId = 1;
const newId = () => `page-${Date.now().toString(36)}-${nextId++}`;

function activity(place, fields) {
  const me = person();
  const info = state.info;
  const common = {
    id: newId(),
    channelId: 'msteams',
    serviceUrl: info.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    from: { id: `29:${me.aadObjectId}`, aadObjectId: me.aadObjectId, name: me.name },
    recipient: info.bot,
  };
  const where =
    place === 'channel'
      ? {
          conversation: { id: info.channel.id, conversationType: 'channel', isGroup: true, tenantId: info.tenantId, name: info.channel.name },
          channelData: { tenant: { id: info.tenantId }, team: info.team, channel: info.channel },
        }
      : { conversation: { id: personalChatId(me.aadObjectId), conversationType: 'personal', tenantId: info.tenantId }, channelData: { tenant: { id: info.tenantId } } };
  return { ...common, ...where, ...fields };
}

async function deliver(body) {
  const response = await fetch('/playground/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = JSON.parse(text).message ?? text;
    } catch {
      // not JSON: shown as it came
    }
    setStatus(`Quorum answered ${response.status}: ${message}`);
    return undefined;
  }
  setStatus('');
  return text ? JSON.parse(text) : undefined;
}

async function say(text) {
  const mention = '<at>Quorum</at>';
  const fields =
    state.place === 'channel'
      ? { type: 'message', text: `${mention} ${text}`, textFormat: 'plain', entities: [{ type: 'mention', mentioned: state.info.bot, text: mention }] }
      : { type: 'message', text, textFormat: 'plain' };
  await deliver(activity(state.place, fields));
  void refreshPeople();
}

async function onAction(message, action) {
  const type = action.getJsonTypeName();
  if (type === 'Action.OpenUrl') {
    window.open(action.url, '_blank', 'noopener');
    return;
  }
  const place = message.conversationId === state.info.channel.id ? 'channel' : 'personal';
  if (type === 'Action.Submit') {
    await deliver(activity(place, { type: 'message', value: action.data, replyToId: message.id }));
    return;
  }
  if (type !== 'Action.Execute') return;
  setStatus('Working…');
  const answer = await deliver(
    activity(place, { type: 'invoke', name: 'adaptiveCard/action', replyToId: message.id, value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data ?? {} }, trigger: 'manual' } }),
  );
  void refreshPeople();
  const element = document.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`);
  if (!answer || !element) return;
  if (answer.type === ADAPTIVE) {
    // The card clicked is replaced, for you, by the answer (the server keeps it in your chat too).
    apply({ kind: 'update', message: { ...message, attachments: [{ contentType: ADAPTIVE, content: answer.value }], updatedAt: new Date().toISOString() } });
    return;
  }
  const note = element.querySelector('.note');
  note.hidden = false;
  note.classList.toggle('error', answer.statusCode >= 400);
  note.textContent = answer.statusCode >= 400 ? answer.value?.message ?? 'That did not work.' : `Only you can see this: ${answer.value}`;
}

async function openPersonalChat() {
  state.place = 'personal';
  renderConversation();
  // The first time: Quorum is "installed" for the person, and welcomes them as in Teams.
  const id = state.personId;
  if (!state.installed.has(id) && (state.conversations.get(personalChatId(id)) ?? []).length === 0) {
    state.installed.add(id);
    await deliver(activity('personal', { type: 'installationUpdate', action: 'add' }));
  }
}

async function refreshPeople() {
  const before = JSON.stringify(state.info.people);
  await loadState();
  if (JSON.stringify(state.info.people) !== before) renderPeople();
}

function setStatus(text) {
  $('#status').textContent = text;
}

function renderClock() {
  const now = new Date(Date.now() + state.info.clock.offsetMs);
  $('#clock-now').textContent = formatTime(now.toISOString());
  $('#clock-now').dateTime = now.toISOString();
}

async function advance(minutes) {
  const response = await fetch('/playground/api/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMinutes: minutes }) });
  const body = await response.json();
  if (!response.ok) return setStatus(body.message);
  state.info.clock = { now: body.now, offsetMs: body.offsetMs };
  renderClock();
}

async function start() {
  await loadState();
  await connect();
  renderConversation();
  setInterval(renderClock, 15_000);

  $('#person').addEventListener('change', (e) => {
    state.personId = e.target.value;
    localStorage.setItem('quorum-playground-person', state.personId);
    renderPeople();
    if (state.place === 'personal') void openPersonalChat();
    else renderConversation();
  });
  for (const button of document.querySelectorAll('[data-conversation]')) {
    button.addEventListener('click', () => {
      if (button.dataset.conversation === 'personal') void openPersonalChat();
      else {
        state.place = 'channel';
        renderConversation();
      }
    });
  }
  for (const button of document.querySelectorAll('[data-advance]')) button.addEventListener('click', () => void advance(Number(button.dataset.advance)));
  $('#reset-demo').addEventListener('click', async () => {
    if (!window.confirm('Put the demo board back as it was? Everything done in the playground is removed.')) return;
    const response = await fetch('/playground/api/demo/reset', { method: 'POST' });
    if (!response.ok) setStatus(`The demo could not be reset (${response.status}).`);
  });
  $('#show-slack').addEventListener('change', (e) => {
    state.showSlack = e.target.checked;
    renderConversation();
  });
  $('#composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('#text');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    void say(text);
  });
  document.body.dataset.ready = 'yes';
}

start().catch((error) => setStatus(`The playground could not start: ${error.message}`));
