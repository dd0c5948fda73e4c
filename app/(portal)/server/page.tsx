import { redirect } from "next/navigation";

export default function ServerPage() {
  redirect("/server/registration-tokens");
}
