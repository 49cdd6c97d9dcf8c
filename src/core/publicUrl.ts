/**
 * The base URL that links in emails point at: PUBLIC_URL when configured, else the address the server listens on
 * (known only once it listens, hence a holder that the server fills in). Emails are rendered when queued, inside the
 * change that causes them, so the base must be known by then.
 */
export class PublicUrl {
  private listening: string | null = null;

  constructor(private readonly configured: string | undefined) {}

  /** Called by the server once it listens. */
  setListeningUrl(url: string): void {
    this.listening = url;
  }

  get base(): string {
    return (this.configured ?? this.listening ?? 'http://127.0.0.1').replace(/\/+$/, '');
  }

  /** An absolute link to one of the server's pages; secrets go in the fragment, which browsers never send to a server. */
  link(path: string, secret?: Record<string, string>): string {
    const fragment = secret ? `#${new URLSearchParams(secret).toString()}` : '';
    return `${this.base}${path}${fragment}`;
  }
}
