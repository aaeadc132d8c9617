/** The platform's rate-limit groups, and their default limits (requests per window) until a response says otherwise. */
export type UsageGroup = "light" | "medium" | "heavy" | "auth";

export const DEFAULT_LIMITS: Record<UsageGroup, { limit: number; windowSeconds: number }> = {
  light: { limit: 50, windowSeconds: 60 },
  medium: { limit: 40, windowSeconds: 60 },
  heavy: { limit: 10, windowSeconds: 60 },
  auth: { limit: 5, windowSeconds: 60 },
};

export function isUsageGroup(value: string): value is UsageGroup {
  return value in DEFAULT_LIMITS;
}
