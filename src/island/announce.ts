// One polite live region per sandbox: results, notices and copy confirmations are read
// out once, and stay visible as text so that sighted learners see the same message.
export interface Announcer {
  say(text: string, tone?: 'info' | 'warning'): void;
  clear(): void;
}

export function announcer(region: HTMLElement | null): Announcer {
  return {
    say(text, tone = 'info') {
      if (region === null) return;
      const p = document.createElement('p');
      p.className = `sb-notice is-${tone}`;
      // A warning's sign is drawn by the stylesheet (.sb-notice.is-warning::before).
      p.textContent = text;
      region.replaceChildren(p);
    },
    clear() {
      region?.replaceChildren();
    },
  };
}
