// Synapse's length limits (synapse/types, handlers/profile.py, rest/admin/users.py). Client-safe.

/** A user ID, room ID or alias is at most 255 characters. */
export const MAX_USER_ID_LENGTH = 255;
export const MAX_ROOM_ID_LENGTH = 255;
/** Display names are at most 256 characters. */
export const MAX_DISPLAYNAME_LENGTH = 256;
/** Passwords are at most 512 characters. */
export const MAX_PASSWORD_LENGTH = 512;
