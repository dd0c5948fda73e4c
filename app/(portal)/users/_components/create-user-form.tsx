"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMessage } from "@/lib/i18n/hooks";
import Link from "next/link";
import { useForm, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { localpartProblem } from "@/lib/schemas/fields";
import { avatarProblem, userCreateSchema, type UserCreateInput } from "@/lib/schemas/users";
import { checkUsernameAction, createUserAction } from "../actions";
import { uploadAvatarAction } from "../[id]/actions";
import { DisplayNameField, PolicyHint, RoleFields } from "./user-fields";
import { LinkFields, type LinkValues } from "./link-fields";
import { OnceSecret } from "./once-secret";
import { FieldError } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { showFieldErrors } from "@/app/(portal)/_components/form-errors";

type Created = { userId: string; generatedPassword: string | null; avatarError: string | null };

/** `delegated`: MAS owns passwords, so the user is created without one and the form says why. */
export function CreateUserForm({ serverName, policyHint, delegated = false }: { serverName: string; policyHint: string | null; delegated?: boolean }) {
  const t = useTranslations("users.create");
  const render = useMessage();
  const form = useForm<UserCreateInput>({
    resolver: zodResolver(userCreateSchema),
    defaultValues: { localpart: "", displayname: "", passwordMode: delegated ? "none" : "generate", password: "", admin: false, userType: "", threepids: [], externalIds: [] },
  });
  const { register, handleSubmit, watch, setError, clearErrors, formState, reset } = form;
  const [availability, setAvailability] = useState<string | null>(null);
  const [avatar, setAvatar] = useState<File | null>(null);
  const [avatarError, setAvatarError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const mode = watch("passwordMode");
  const { errors, isSubmitting } = formState;

  async function checkName(localpart: string) {
    setAvailability(null);
    if (!localpart || localpartProblem(localpart)) return;
    const r = await checkUsernameAction({ localpart });
    if (!r.ok) return;
    if (r.data.available) {
      clearErrors("localpart");
      setAvailability(t("available", { userId: `@${localpart}:${serverName}` }));
    } else setError("localpart", { message: r.data.reason });
  }

  async function onSubmit(values: UserCreateInput) {
    setFormError(null);
    if (avatar && avatarProblem(avatar)) return;
    const r = await createUserAction(values);
    if (!r.ok) {
      const fields = showFieldErrors(r.error, setError);
      if (r.error.code === "M_USER_IN_USE" || r.error.code === "M_INVALID_USERNAME") setError("localpart", { message: r.error.message });
      else if (Object.keys(fields).length === 0) setFormError(r.error.message);
      return;
    }
    let avatarFailed: string | null = null;
    if (avatar) {
      const fd = new FormData();
      fd.set("userId", r.data.userId);
      fd.set("file", avatar);
      const up = await uploadAvatarAction(fd);
      if (!up.ok) avatarFailed = up.error.message;
    }
    setCreated({ ...r.data, avatarError: avatarFailed });
    reset();
    setAvatar(null);
    setAvailability(null);
  }

  if (created) {
    return (
      <div className="card flex flex-col gap-3" role="status">
        <p>
          {t.rich("created", { userId: created.userId, strong: (c) => <strong data-testid="created-user">{c}</strong> })}
        </p>
        {created.generatedPassword && <OnceSecret label={t("generatedPassword")} value={created.generatedPassword} />}
        {created.avatarError && <p className="text-danger">{t("avatarFailed", { error: render(created.avatarError) })}</p>}
        <div className="flex gap-2">
          <Link className="btn-primary" href={`/users/${encodeURIComponent(created.userId)}`}>
            {t("open")}
          </Link>
          <button type="button" className="btn-secondary" onClick={() => setCreated(null)}>
            {t("another")}
          </button>
        </div>
      </div>
    );
  }

  const localpartReg = register("localpart");
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card flex flex-col gap-4" aria-label={t("label")}>
      <div className="flex flex-col gap-1">
        <label htmlFor="localpart" className="text-sm font-medium">
          {t("localpart")}
        </label>
        <div className="flex items-center gap-1">
          <span className="text-muted">@</span>
          <input
            id="localpart"
            autoComplete="off"
            className="field flex-1"
            aria-invalid={errors.localpart ? true : undefined}
            aria-describedby="localpart-help"
            {...localpartReg}
            onBlur={(e) => {
              void localpartReg.onBlur(e);
              void checkName(e.target.value.trim());
            }}
          />
          <span className="text-muted">:{serverName}</span>
        </div>
        <p id="localpart-help" className="text-xs text-muted">
          {t("localpartHelp")}
        </p>
        <FieldError message={errors.localpart?.message} />
        {!errors.localpart && availability && <p className="text-sm text-ok">{availability}</p>}
      </div>

      <DisplayNameField id="displayname" field={register("displayname")} error={errors.displayname?.message} />

      {delegated && (
        <p className="text-sm text-muted" data-testid="mas-owned-password">
          {t("masPassword")}
        </p>
      )}
      {!delegated && (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">{t("password")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="generate" {...register("passwordMode")} /> {t("modes.generate")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="set" {...register("passwordMode")} /> {t("modes.set")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="none" {...register("passwordMode")} /> {t("modes.none")}
          </label>
          {mode === "set" && (
            <div className="flex flex-col gap-1">
              <label htmlFor="password" className="text-sm font-medium">
                {t("newPassword")}
              </label>
              <input id="password" type="password" autoComplete="new-password" className="field" {...register("password")} />
              <PolicyHint text={policyHint} />
            </div>
          )}
          <FieldError message={errors.password?.message} />
        </fieldset>
      )}

      <RoleFields idPrefix="create" admin={register("admin")} userType={register("userType")} error={errors.userType?.message} />

      <LinkFields form={form as unknown as UseFormReturn<LinkValues>} contacts={!delegated} />

      <div className="flex flex-col gap-1">
        <label htmlFor="avatar" className="text-sm font-medium">
          {t("avatar")}
        </label>
        <input
          id="avatar"
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setAvatar(f);
            setAvatarError(f ? avatarProblem(f) : null);
          }}
        />
        <FieldError message={avatarError ?? undefined} />
      </div>

      <OutcomeLine error={formError} />
      <button type="submit" className="btn-primary self-start" disabled={isSubmitting}>
        {isSubmitting ? t("creating") : t("submit")}
      </button>
    </form>
  );
}
