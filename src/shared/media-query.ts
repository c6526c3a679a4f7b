import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether a media query matches; the host updates when that changes while it is connected. */
export class MediaQueryController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly list: MediaQueryList;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost, query: string) {
    this.host = host;
    this.list = matchMedia(query);
    host.addController(this);
  }

  get matches(): boolean {
    return this.list.matches;
  }

  hostConnected(): void {
    this.list.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.list.removeEventListener('change', this.onChange);
  }
}
