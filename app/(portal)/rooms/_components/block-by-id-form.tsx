"use client";
import { useCan } from "@/app/(portal)/_components/role";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMessage } from "@/lib/i18n/hooks";
import { useRouter } from "next/navigation";
import { parseRoomRef } from "@/lib/matrix/room-ref";
import { setRoomBlockAction } from "../actions";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";
import { useAction } from "@/app/(portal)/_components/use-action";

/** Block or unblock any room ID, including rooms this server has never seen; or open a room by ID. */
export function BlockByIdForm() {
  const allowed = useCan("operator");
  const t = useTranslations("rooms.byId");
  const render = useMessage();
  const router = useRouter();
  const [value, setValue] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { pending, outcome, run, setOutcome } = useAction();

  function checked(): string | null {
    const r = parseRoomRef(value, false);
    setFieldError(r.ok ? null : r.message);
    setOutcome(null);
    return r.ok ? r.value : null;
  }
  function block(b: boolean) {
    const roomId = checked();
    if (roomId) run(() => setRoomBlockAction({ roomId, block: b }), () => (b ? t("blocked", { roomId }) : t("unblocked", { roomId })));
  }

  if (!allowed) return null;
  return (
    <form
      className="card flex flex-col gap-2"
      aria-label={t("formLabel")}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const roomId = checked();
        if (roomId) router.push(`/rooms/${encodeURIComponent(roomId)}`);
      }}
    >
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("help")}</p>
      <label htmlFor="room-by-id" className="text-sm font-medium">
        {t("roomId")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="room-by-id"
          className="field min-w-72 flex-1 font-mono"
          placeholder="!abc123:example.org"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "room-by-id-error" : undefined}
        />
        <button type="submit" className="btn-secondary py-1.5">
          {t("open")}
        </button>
        <button type="button" className="btn-secondary py-1.5" disabled={pending} onClick={() => block(true)}>
          {t("block")}
        </button>
        <button type="button" className="btn-secondary py-1.5" disabled={pending} onClick={() => block(false)}>
          {t("unblock")}
        </button>
      </div>
      {fieldError && (
        <p id="room-by-id-error" role="alert" className="text-sm text-danger">
          {render(fieldError)}
        </p>
      )}
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
