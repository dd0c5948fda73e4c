"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { parseMxid } from "@/lib/matrix/mxid";
import { passwordLoginSchema, type PasswordLoginInput } from "@/lib/schemas/login";
import { discoverHomeserverAction, passwordLoginAction, probeHomeserverAction } from "../actions";
import { HomeserverField, LoginField, type HomeserverChoice } from "./homeserver-field";
import type { HomeserverInfo } from "@/lib/auth/login-probe";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { OAuthSignIn } from "./oauth-sign-in";

export function LoginForm({ homeservers }: { homeservers: HomeserverChoice[] }) {
  const t = useTranslations("login.form");
  const form = useForm<PasswordLoginInput>({
    resolver: zodResolver(passwordLoginSchema),
    defaultValues: { mxid: "", password: "", homeserverUrl: homeservers[0]?.value ?? "" },
  });
  const { register, handleSubmit, setValue, setError, clearErrors, formState } = form;
  const [info, setInfo] = useState<HomeserverInfo | null>(null);
  const [probing, setProbing] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const urlTyped = useRef(false);
  const lastProbe = useRef("");

  const probe = useCallback(
    async (url: string) => {
      if (!url.trim() || url === lastProbe.current) return;
      lastProbe.current = url;
      setProbing(true);
      setInfo(null);
      const r = await probeHomeserverAction(url);
      setProbing(false);
      if (lastProbe.current !== url) return;
      if (r.ok) {
        clearErrors("homeserverUrl");
        setInfo(r.data);
      } else {
        setError("homeserverUrl", { message: r.error.message });
      }
    },
    [clearErrors, setError],
  );

  useEffect(() => {
    if (homeservers.length > 0) void probe(homeservers[0].value);
  }, [homeservers, probe]);

  async function onMxidBlur(value: string) {
    if (!value.trim()) return;
    const parsed = parseMxid(value);
    if (!parsed.ok) {
      setError("mxid", { message: parsed.message });
      return;
    }
    clearErrors("mxid");
    if (homeservers.length > 0 || urlTyped.current) return;
    const r = await discoverHomeserverAction(value);
    if (urlTyped.current) return; // the admin typed a URL while discovery ran: theirs wins
    if (r.ok) {
      setValue("homeserverUrl", r.data.baseUrl);
      await probe(r.data.baseUrl);
    } else if (r.error.fieldErrors?.homeserverUrl) {
      setError("homeserverUrl", { message: r.error.message });
    }
  }

  async function onSubmit(values: PasswordLoginInput) {
    setFormError(null);
    const r = await passwordLoginAction(values);
    if (r && !r.ok) {
      for (const [field, message] of Object.entries(r.error.fieldErrors ?? {})) {
        if (field === "mxid" || field === "password" || field === "homeserverUrl") setError(field, { message });
      }
      if (!r.error.fieldErrors || Object.keys(r.error.fieldErrors).length === 0) setFormError(r.error.message);
    }
  }

  const mxidReg = register("mxid");
  const urlReg = register("homeserverUrl");
  const { errors, isSubmitting } = formState;

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5 shadow-sm" aria-label={t("label")}>
      <LoginField
        id="mxid"
        label={t("mxid")}
        type="text"
        autoComplete="username"
        placeholder="@alice:example.org"
        error={errors.mxid?.message}
        {...mxidReg}
        onBlur={(e) => {
          void mxidReg.onBlur(e);
          void onMxidBlur(e.target.value);
        }}
      />

      {!info?.oauth && (
        <LoginField
          id="password"
          label={t("password")}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register("password")}
        />
      )}

      <div>
        <HomeserverField
          id="homeserverUrl"
          choices={homeservers}
          error={errors.homeserverUrl?.message}
          onInput={() => {
            urlTyped.current = true;
            setInfo(null);
          }}
          registration={{
            ...urlReg,
            onBlur: async (e) => {
              await urlReg.onBlur(e);
              void probe((e.target as HTMLInputElement).value);
            },
            onChange: async (e) => {
              await urlReg.onChange(e);
              if (homeservers.length > 1) void probe((e.target as HTMLSelectElement).value);
            },
          }}
        />
        <p className="mt-1 min-h-5 text-sm text-muted" aria-live="polite">
          {probing && t("checking")}
          {info && (
            <span data-testid="homeserver-version" className="text-ok">
              ✓ {info.label}
            </span>
          )}
        </p>
      </div>

      <OutcomeLine error={formError} />

      {info?.oauth ? (
        <OAuthSignIn baseUrl={info.baseUrl} issuerHost={info.oauth.issuerHost} />
      ) : (
        <button type="submit" disabled={isSubmitting} className="btn-primary">
          {isSubmitting ? t("submitting") : t("submit")}
        </button>
      )}

      {info?.flows.sso && !info.oauth && (
        <div className="flex flex-col gap-2">
          <a className="btn-secondary text-center" href={`/login/sso/start?hs=${encodeURIComponent(info.baseUrl)}`}>
            {t("sso")}
          </a>
          {info.flows.identityProviders.map((p) => (
            <a
              key={p.id}
              className="btn-secondary text-center"
              href={`/login/sso/start?hs=${encodeURIComponent(info.baseUrl)}&idp=${encodeURIComponent(p.id)}`}
            >
              {t("continueWith", { name: p.name })}
            </a>
          ))}
        </div>
      )}
    </form>
  );
}
