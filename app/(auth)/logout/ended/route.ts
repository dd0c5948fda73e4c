import { NextResponse, type NextRequest } from "next/server";
import { getSession } from "@/lib/auth/session";

// Where requireAdmin() sends a dead token: forget the cookie and explain on the login page.
export async function GET(request: NextRequest) {
  const session = await getSession();
  session.destroy();
  return NextResponse.redirect(new URL("/login?reason=session-ended", request.url), 303);
}
