// The JSON API of docs/web-api.md, as the consoles use it. Every failure becomes an ApiError
// carrying the ECCP code and message (a 422 answer carries ECCP's 417), so the page can show
// exactly what dialerd said.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** "417 Agent not in call": the form a supervisor can look up in the protocol docs. */
  toString() {
    return `${this.code} ${this.message}`;
  }
}

/** Agent/9000 → Agent%2F9000: one path segment. */
export function agentPath(agent) {
  return `/agents/${encodeURIComponent(agent)}`;
}

export class Api {
  constructor(base = '/api/v1') {
    this.base = base;
    this.token = null;
    this.expiresAt = null;
    this.agentPassword = null;
    this.account = null;
  }

  /**
   * ECCP client account → bearer token. The account stays in this page's memory (never in
   * storage) so an expired token is replaced without asking again: a shift outlasts a token.
   */
  async connect(username, password) {
    const answer = await this.request('POST', '/token', {username, password}, {auth: false});
    this.account = {username, password};
    this.token = answer.token;
    this.expiresAt = answer.expires_at ? new Date(answer.expires_at) : null;
    return answer;
  }

  /** A token valid for at least another half minute. */
  async freshToken() {
    if (this.account && this.expiresAt && this.expiresAt.getTime() - Date.now() < 30000) {
      await this.connect(this.account.username, this.account.password);
    }
    return this.token;
  }

  async disconnect() {
    if (!this.token) return;
    try {
      await this.request('DELETE', '/token');
    } finally {
      this.token = null;
      this.agentPassword = null;
      this.account = null;
    }
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body = {}) {
    return this.request('POST', path, body);
  }

  /** A request any ECCP client may send, through the generic endpoint. */
  eccp(name, params = {}) {
    return this.post(`/eccp/${encodeURIComponent(name)}`, params);
  }

  async request(method, path, body, {auth = true, retried = false} = {}) {
    if (auth) await this.freshToken();
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && this.token) headers.Authorization = `Bearer ${this.token}`;
    if (auth && this.agentPassword !== null) headers['X-Agent-Password'] = this.agentPassword;
    let response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, 0, `dialerd cannot be reached (${e.message})`);
    }
    if (response.status === 204) return {};
    const text = await response.text();
    let json = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch (e) {
      throw new ApiError(response.status, response.status, `unreadable answer from dialerd (HTTP ${response.status})`);
    }
    if (response.status === 401 && auth && !retried && this.account && json.error?.message === 'Token expired') {
      await this.connect(this.account.username, this.account.password);
      return this.request(method, path, body, {auth, retried: true});
    }
    if (!response.ok) {
      const error = json.error || {};
      throw new ApiError(response.status, error.code ?? response.status, error.message || `HTTP ${response.status}`);
    }
    return json;
  }

  /** ws://host/api/v1/events?token=…[&agent=…] (browsers cannot set headers on a WebSocket). */
  async eventsUrl(agent) {
    await this.freshToken();
    const url = new URL(this.base + '/events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', this.token);
    if (agent) url.searchParams.set('agent', agent);
    return url.toString();
  }
}

/** A value that the JSON mapping gives as a list, one item, or nothing, always as an array. */
export function list(value) {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of a mapped element: "x" or {"#text": "x", "@id": …}. */
export function text(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return value['#text'] ?? '';
  return String(value);
}
