"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * A homeserver that delegates to MAS has no password login: a plain link to the route that starts the OAuth
 * flow (it sets the sealed state cookie and redirects the browser to the authorization server).
 */
export function OAuthSignIn({ baseUrl, issuerHost }: { baseUrl: string; issuerHost: string }) {
  const t = useTranslations("login.oauth");
  const [masAdmin, setMasAdmin] = useState(false);
  const href = `/login/oauth/start?hs=${encodeURIComponent(baseUrl)}${masAdmin ? "&mas_admin=1" : ""}`;
  return (
    <div className="flex flex-col gap-3" data-testid="oauth-sign-in">
      <p className="text-sm text-muted">
        {t.rich("intro", { issuerHost, code: (chunks) => <code>{chunks}</code> })}
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={masAdmin} onChange={(e) => setMasAdmin(e.target.checked)} />
        {t("masAdmin")}
      </label>
      <a className="btn-primary text-center" href={href}>
        {t("submit", { issuerHost })}
      </a>
    </div>
  );
}
