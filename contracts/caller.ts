/**
 * Who is calling, in local single-user mode: the `x-user-id` header, or the UI's cookie (EventSource cannot send
 * headers), else `default` (docs/architecture.md, "Identity"). Shared by the server, the UI and the CLI.
 */
export const DEFAULT_USER = "default";
export const USER_COOKIE = "skill-fleet-user";
export const USER_ID_PATTERN = /^[A-Za-z0-9._@-]{1,128}$/;
export const USER_ID_RULE = "1–128 letters, digits, '.', '_', '@' or '-'";
