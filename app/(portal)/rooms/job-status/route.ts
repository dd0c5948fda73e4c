// Progress of room deletes and history purges, polled by the rooms pages. Reading it also resumes
// tracking of jobs this server process is not following (after a restart or a dead token).
import { NextResponse, type NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getRoomJobViews, resumeRoomJobs } from "@/lib/jobs/room-tasks";
import { parseJobIds } from "@/lib/schemas/rooms";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const admin = await requireAdmin();
  const ids = parseJobIds(request.nextUrl.searchParams.get("ids"));
  await resumeRoomJobs(admin.creds, admin.homeserver);
  const jobs = ids.length > 0 ? await getRoomJobViews(admin.homeserver, ids) : [];
  return NextResponse.json({ jobs }, { headers: { "cache-control": "no-store" } });
}
