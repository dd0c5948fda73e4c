"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useForm, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { avatarProblem, userUpdateSchema, type UserUpdateInput } from "@/lib/schemas/users";
import { removeAvatarAction, updateUserAction, uploadAvatarAction } from "../[id]/actions";
import { DisplayNameField, RoleFields } from "./user-fields";
import { LinkFields, type LinkValues } from "./link-fields";
import { FieldError } from "@/app/(portal)/_components/text-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";
import { showActionError } from "@/app/(portal)/_components/form-errors";

/** Without `initial.threepids` (MAS owns them) the form neither shows nor sends them. */
export function EditUserForm({ initial }: { initial: UserUpdateInput }) {
  const t = useTranslations("user.edit");
  const form = useForm<UserUpdateInput>({ resolver: zodResolver(userUpdateSchema), defaultValues: initial });
  const { register, handleSubmit, formState, setError, reset } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { errors, isSubmitting, isDirty } = formState;

  async function onSubmit(values: UserUpdateInput) {
    setFormError(null);
    setSaved(false);
    const r = await updateUserAction(values);
    if (!r.ok) return showActionError(r.error, setError, setFormError);
    reset(values);
    setSaved(true);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="card flex flex-col gap-4" aria-label={t("label")}>
      <DisplayNameField id="edit-displayname" field={register("displayname")} error={errors.displayname?.message} />
      <RoleFields idPrefix="edit" admin={register("admin")} userType={register("userType")} error={errors.userType?.message} />

      <LinkFields form={form as unknown as UseFormReturn<LinkValues>} contacts={initial.threepids !== undefined} />

      <OutcomeLine error={formError} outcome={saved && !isDirty ? { ok: true, text: t("saved") } : null} className="min-h-5" />
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}

/** Upload a new avatar (through the portal to Synapse) or remove the current one. */
export function AvatarForm({ userId, hasAvatar }: { userId: string; hasAvatar: boolean }) {
  const t = useTranslations("user.avatar");
  const { run, outcome, pending, setOutcome } = useAction();
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      className="card flex flex-col gap-2 text-sm"
      aria-label={t("label")}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const problem = file ? avatarProblem(file) : t("choose");
        if (problem || !file) return setOutcome({ ok: false, text: problem ?? t("choose") });
        const fd = new FormData();
        fd.set("userId", userId);
        fd.set("file", file);
        if ((await run(() => uploadAvatarAction(fd), t("updated"))).ok) form.reset();
      }}
    >
      <label htmlFor="avatar-file" className="font-medium">
        {t("new")}
      </label>
      <input id="avatar-file" type="file" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <OutcomeLine outcome={outcome} className="min-h-5" />
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary py-1.5" disabled={pending}>
          {pending ? t("working") : t("upload")}
        </button>
        {hasAvatar && (
          <button type="button" className="btn-secondary py-1.5" disabled={pending} onClick={() => void run(() => removeAvatarAction({ userId }), t("removed"))}>
            {t("remove")}
          </button>
        )}
      </div>
    </form>
  );
}
