/** Calls the admin API the way the admin panel does, to set up and check what the browser did. */
export class AdminApi {
  constructor(
    readonly baseUrl: string,
    private token = ''
  ) {}

  static async logIn(baseUrl: string, email: string, password: string) {
    const api = new AdminApi(baseUrl);
    const { data } = await api.request<{ data: { token?: string; accessToken?: string } }>(
      'POST',
      '/admin/login',
      { email, password }
    );
    api.token = data.token ?? data.accessToken ?? '';
    if (!api.token) throw new Error('the admin login answered without a token');
    return api;
  }

  /** The raw response, for asserting statuses. */
  async raw(method: string, url: string, body?: unknown) {
    return fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    const response = await this.raw(method, url, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * A role with only the given actions, and an active admin user in it, through the same
   * endpoints Settings → Roles and Users use.
   */
  async createUserWithActions(email: string, password: string, actions: string[]) {
    const { data: role } = await this.request<{ data: { id: number } }>('POST', '/admin/roles', {
      name: `Mailroom ${email}`,
      description: 'Created by the browser tests',
    });
    await this.request('PUT', `/admin/roles/${role.id}/permissions`, {
      permissions: actions.map((action) => ({
        action,
        subject: null,
        properties: {},
        conditions: [],
      })),
    });
    const { data: user } = await this.request<{ data: { registrationToken: string } }>(
      'POST',
      '/admin/users',
      { firstname: 'Read', lastname: 'Only', email, roles: [role.id] }
    );
    await this.request('POST', '/admin/register', {
      registrationToken: user.registrationToken,
      userInfo: { firstname: 'Read', lastname: 'Only', password },
    });
  }
}
