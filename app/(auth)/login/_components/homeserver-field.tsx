"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { FieldError, TextField } from "@/app/(portal)/_components/text-field";

export type HomeserverChoice = { label: string; value: string };

/** A sign-in form's text field: the portal's one field, full width on the login card. */
export function LoginField(props: ComponentProps<typeof TextField>) {
  return <TextField className="w-full rounded-md border border-line bg-surface px-3 py-2" {...props} />;
}

/** Free text without an allowlist; a select (several) or read-only field (one) with one. */
export function HomeserverField(props: {
  id: string;
  choices: HomeserverChoice[];
  registration: UseFormRegisterReturn;
  error?: string;
  onInput?: () => void;
}) {
  const { id, choices, registration, error } = props;
  const t = useTranslations("login.homeserver");
  const describedBy = error ? `${id}-error` : undefined;
  const common = "w-full rounded-md border border-line bg-surface px-3 py-2";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t("label")}
      </label>
      {choices.length > 1 ? (
        <select id={id} className={common} aria-describedby={describedBy} {...registration}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder="https://matrix.example.org"
          readOnly={choices.length === 1}
          className={common}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...registration}
          onChange={(e) => {
            props.onInput?.();
            return registration.onChange(e);
          }}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
