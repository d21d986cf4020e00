import { Collection } from '@msw/data';
import { userRecordSchema, type UserRecord } from './schemas.js';

/** Users and the API tokens they own, indexed by id, login and token. */
export class UserStore {
  #collection = new Collection({ schema: userRecordSchema });
  readonly #byId = new Map<string, UserRecord>();
  readonly #idByLogin = new Map<string, string>();
  readonly #ownerByToken = new Map<string, string>();

  get(id: string): UserRecord | undefined {
    return this.#byId.get(id);
  }

  findByLogin(login: string): UserRecord | undefined {
    const id = this.#idByLogin.get(login.toLowerCase());
    return id === undefined ? undefined : this.#byId.get(id);
  }

  tokenOwner(token: string): UserRecord | undefined {
    const id = this.#ownerByToken.get(token);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  all(): readonly UserRecord[] {
    return this.#collection.all();
  }

  async insert(user: UserRecord): Promise<UserRecord> {
    const stored = await this.#collection.create(user);
    this.#byId.set(stored.id, stored);
    this.#idByLogin.set(stored.profile.login.toLowerCase(), stored.id);
    for (const token of stored.apiTokens) this.#ownerByToken.set(token, stored.id);
    return stored;
  }

  /** Gives a user one more API token (the CLI's `--token`). */
  addToken(userId: string, token: string): void {
    if (!this.#byId.has(userId)) throw new Error(`no user ${userId}`);
    this.#ownerByToken.set(token, userId);
  }

  clear(): void {
    this.#collection = new Collection({ schema: userRecordSchema });
    this.#byId.clear();
    this.#idByLogin.clear();
    this.#ownerByToken.clear();
  }
}
